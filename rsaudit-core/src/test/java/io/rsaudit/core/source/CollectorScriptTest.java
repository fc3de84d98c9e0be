package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KeyPolicy;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Trail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code scripts/collect-with-aws-cli.sh} with bash against {@link FakeAwsCli}, a fake {@code aws}
 * first on PATH, and reads what it wrote with the real {@link CliJsonSource}. Nothing here reaches AWS or the real
 * AWS CLI: PATH holds only the fake's folder and the system's {@code /usr/bin:/bin}, HOME is a temporary folder,
 * and the credentials in the environment are dummies that must not show up anywhere. Needs bash with
 * {@code /dev/tcp} (the fake talks to the test over loopback), so not on Windows.
 */
@DisabledOnOs(OS.WINDOWS)
class CollectorScriptTest {

    static final Path SCRIPT = Path.of("..", "scripts", "collect-with-aws-cli.sh");

    static final String ACCOUNT = "111111111111";
    static final String US = "us-east-1";
    static final String EU = "eu-west-1";

    static final String ACCESS_KEY = "AKIAFAKEFAKEFAKE1234";
    static final String SECRET_KEY = "dummySecretKey/for+rsaudit+tests/0000000";
    static final String SESSION_TOKEN = "dummySessionToken//rsaudit+tests+0123456789==";

    static final String KEY_1 = "1111aaaa-1111-4111-8111-111111111111";
    static final String KEY_1_ARN = "arn:aws:kms:us-east-1:111111111111:key/" + KEY_1;
    static final String ALIAS_ARN = "arn:aws:kms:us-east-1:111111111111:alias/redshift/backups";
    static final String KEY_3 = "3333cccc-3333-4333-8333-333333333333";
    static final String KEY_3_ARN = "arn:aws:kms:us-east-1:111111111111:key/" + KEY_3;
    static final String KEY_4 = "4444dddd-4444-4444-8444-444444444444";
    static final String KEY_4_ARN = "arn:aws:kms:us-east-1:111111111111:key/" + KEY_4;
    /** The key a Serverless snapshot copy names in its destination, eu-west-1, a region collected too. */
    static final String KEY_5 = "5555eeee-5555-4555-8555-555555555555";

    static final String KEY_5_ARN = "arn:aws:kms:eu-west-1:111111111111:key/" + KEY_5;
    static final String PARTNER_KEY_ARN = "arn:aws:kms:us-east-1:222222222222:key/2222bbbb-2222-4222-8222-222222222222";
    static final String VENDOR_KEY_ARN = "arn:aws:kms:us-east-1:333333333333:key/5555eeee-5555-4555-8555-555555555555";
    /** A key of another account that a copy grant names: described, but KMS gives its policy only to its account. */
    static final String FOREIGN_KEY = "7777aaaa-7777-4777-8777-777777777777";

    static final String FOREIGN_KEY_ARN = "arn:aws:kms:us-east-1:444444444444:key/" + FOREIGN_KEY;
    static final String MAIN_TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:111111111111:trail/main";
    static final String EU_TRAIL_ARN = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-local";

    static final String ACCESS_DENIED = "\nAn error occurred (AccessDenied) when calling the DescribeClusterParameters"
            + " operation: User: arn:aws:iam::111111111111:user/auditor is not authorized to perform:"
            + " redshift:DescribeClusterParameters on resource:"
            + " arn:aws:redshift:us-east-1:111111111111:parametergroup:default.redshift-1.0 because no"
            + " identity-based policy allows the redshift:DescribeClusterParameters action\n";

    /** Operations that change something: the collector must never call one. */
    static final Pattern MUTATING = Pattern.compile("^(create|delete|put|update|modify|enable|disable|authorize"
            + "|revoke|start|stop|reboot|rotate|restore|reset|copy|tag|untag|cancel|attach|detach|associate"
            + "|disassociate|register|deregister|import|schedule|batch|accept|reject|rename|resize|pause|resume"
            + "|purchase|failover|add|remove|set|terminate|run|replace|assign|unassign|allocate|release|retire"
            + "|revoke|encrypt|decrypt|generate|sign|verify|re-encrypt)(-|$)");

    @TempDir
    Path tmp;

    FakeAwsCli aws;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        aws = FakeAwsCli.install(Files.createDirectories(tmp.resolve("fake")));
        out = tmp.resolve("export");
        canEstate(aws);
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    @Test
    void collectsTheLayoutTheSourceReads() throws Exception {
        Run run = run("--out", out.toString());

        assertThat(aws.unexpected()).as("calls the fake had no answer for").isEmpty();
        assertThat(run.exitCode)
                .as("exit status (3: finished, some calls failed)\n" + run)
                .isEqualTo(3);

        // exactly the files AwsCliCall says, and nothing else
        assertThat(files(out)).containsExactlyInAnyOrderElementsOf(expectedFiles());

        // the failed call: an .error with the CLI's stderr, no .json, reported as CALL_FAILED and as the unknown value
        String errorFile = ACCOUNT + "/" + US + "/"
                + AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS
                        .file("default.redshift-1.0")
                        .replace(".json", ".error");
        assertThat(Files.readString(out.resolve(errorFile)))
                .as("the CLI's stderr, verbatim")
                .isEqualTo(ACCESS_DENIED);
        assertThat(out.resolve(errorFile.replace(".error", ".json"))).doesNotExist();

        Inventory inv = new CliJsonSource(out).load();
        Scope us = new Scope(ACCOUNT, US);
        Scope eu = new Scope(ACCOUNT, EU);
        assertThat(inv.scopes()).containsExactlyInAnyOrder(us, eu);
        assertThat(inv.errors())
                .filteredOn(e -> e.kind() == Kind.CALL_FAILED)
                .extracting(CollectionError::location)
                .containsExactlyInAnyOrder(
                        errorFile,
                        ACCOUNT + "/" + US + "/"
                                + AwsCliCall.KMS_GET_KEY_ROTATION_STATUS
                                        .file(KEY_3)
                                        .replace(".json", ".error"));
        assertThat(inv.errors())
                .as("nothing but the two failed calls is wrong with the export")
                .allMatch(e -> e.kind() == Kind.CALL_FAILED, "is CALL_FAILED");
        assertThat(inv.errors()).noneMatch(e -> e.kind() == Kind.NOT_COLLECTED);

        var defaultGroup = inv.parameters(us, "default.redshift-1.0");
        assertThat(defaultGroup.isUnknown()).isTrue();
        assertThat(defaultGroup.note()).contains(errorFile).contains("AccessDenied");
        var custom = inv.parameters(us, "custom-pg");
        assertThat(custom.isPresent()).isTrue();
        assertThat(custom.value().get("require_ssl").value()).isEqualTo("true");

        // clusters, logging per cluster
        assertThat(inv.clusters()).extracting(c -> c.identifier()).containsExactly("analytics", "reporting");
        assertThat(inv.clusterIdentifiers(eu).value()).isEmpty();
        assertThat(inv.eventSubscriptions()).extracting(e -> e.id().name()).containsExactly("ops-alerts");
        assertThat(inv.eventSubscriptions().get(0).tags().value()).containsEntry("owner", "ops");
        assertThat(inv.clusterSubnetGroups()).extracting(g -> g.id().name()).containsExactly("analytics");
        assertThat(inv.clusterSubnetGroups().get(0).subnets().value())
                .extracting(z -> z.availabilityZone().value())
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(inv.logging(inv.clusters().get(0)).value().enabled().value()).isTrue();
        assertThat(inv.logging(inv.clusters().get(1)).value().enabled().value()).isFalse();

        // KMS: one file per key, found from every reference (ARN, alias ARN), none for the keys of snapshots other
        // accounts share in
        assertThat(inv.kmsKeys())
                .extracting(k -> k.id().name())
                .containsExactlyInAnyOrder(KEY_1, KEY_3, KEY_4, KEY_5, FOREIGN_KEY);
        // a Serverless copy's key, looked up in its destination (collected); the other destination was not collected
        assertThat(inv.key(eu, KEY_5_ARN).value().usedBy())
                .singleElement()
                .asString()
                .contains(":namespace/");
        KmsKey key1 = inv.key(us, KEY_1_ARN).value();
        assertThat(key1.metadata().value().keyManager().value()).isEqualTo("CUSTOMER");
        assertThat(key1.rotationEnabled().value()).isTrue();
        assertThat(key1.policy().value().statements())
                .extracting(KeyPolicy.Statement::label)
                .containsExactly("statement \"Enable IAM User Permissions\"");
        assertThat(inv.key(us, FOREIGN_KEY_ARN).value().policy().note())
                .as("never asked: KMS answers get-key-policy only in the key's account")
                .contains("the key belongs to account 444444444444");
        assertThat(key1.grants().value()).singleElement().satisfies(g -> {
            assertThat(g.grantId()).isEqualTo("a1");
            assertThat(g.granteePrincipal().value()).isEqualTo("redshift.us-east-1.amazonaws.com");
            assertThat(g.granteePrincipal().provenance().toString())
                    .isEqualTo(ACCOUNT + "/" + US + "/" + AwsCliCall.KMS_LIST_GRANTS.file(KEY_1)
                            + "#/Grants/0/GranteePrincipal");
            assertThat(g.operations().value()).containsExactly("Decrypt", "GenerateDataKey", "CreateGrant");
        });
        assertThat(inv.key(us, FOREIGN_KEY_ARN).value().grants().note())
                .as("never asked: grants are listed only in the key's account")
                .contains("the key belongs to account 444444444444");
        assertThat(key1.usedBy()).hasSize(3); // cluster, automated snapshot, copy grant
        KmsKey viaAlias = inv.key(us, ALIAS_ARN).value();
        assertThat(viaAlias.metadata().value().keyId()).isEqualTo(KEY_3);
        assertThat(viaAlias.rotationEnabled().isUnknown()).isTrue();
        assertThat(viaAlias.rotationEnabled().note())
                .contains("collection failed")
                .contains("[REDACTED]");
        assertThat(viaAlias.policy().isPresent())
                .as("asked by the ARN describe-key gave for the alias")
                .isTrue();
        assertThat(inv.key(us, KEY_4_ARN).value().rotationEnabled().value()).isFalse();

        // security groups: the ones in use, a deleted one simply absent, unrelated ones not collected
        assertThat(inv.securityGroup(us, "sg-0aaa").isPresent()).isTrue();
        assertThat(inv.securityGroup(us, "sg-0ccc").isPresent()).isTrue();
        assertThat(inv.securityGroup(us, "sg-0dead").isUnknown()).isTrue();
        assertThat(inv.securityGroup(us, "sg-0zzz").isUnknown()).isTrue();
        assertThat(Files.readString(
                        out.resolve(ACCOUNT + "/" + EU + "/" + AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS.file())))
                .contains("\"SecurityGroups\": []");

        // trails: each once, status and selectors from its home region
        List<Trail> trails = inv.accounts().get(0).trails().value();
        assertThat(trails).extracting(Trail::name).containsExactlyInAnyOrder("main", "eu-local");
        for (Trail t : trails) {
            assertThat(t.isLogging().isPresent()).as(t.name()).isTrue();
            assertThat(t.eventSelectors().isPresent()).as(t.name()).isTrue();
        }
        assertThat(inv.accounts().get(0).callerArn().value()).isEqualTo("arn:aws:iam::111111111111:user/auditor");

        // serverless
        assertThat(inv.namespaces()).extracting(n -> n.id().name()).containsExactly("lake");
        assertThat(inv.workgroups()).extracting(w -> w.id().name()).containsExactly("lake-wg");
        assertThat(inv.serverlessSnapshots())
                .extracting(s -> s.id().name())
                .containsExactly("lake-snap", "from-vendor");
        assertThat(inv.clusterSnapshots()).hasSize(3);

        // what the fake saw: only known, read-only calls; no key of another account looked up
        assertReadOnly(aws.invocations());
        assertThat(aws.invocations())
                .noneMatch(i -> i.args().contains(PARTNER_KEY_ARN) || i.args().contains(VENDOR_KEY_ARN));
        assertThat(aws.invocations())
                .filteredOn(i -> i.operation().equals("describe-security-groups"))
                .extracting(i -> i.option("--region").orElse(""))
                .containsExactly(US);
        assertThat(aws.invocations())
                .as("no id look-up in a list the CLI printed empty")
                .filteredOn(i -> i.option("--region").equals(java.util.Optional.of(EU))
                        && i.args().contains("--query"))
                .extracting(FakeAwsCli.Invocation::operation)
                .containsExactly("describe-trails");
        assertThat(aws.invocations())
                .filteredOn(i -> i.service().equals("kms") && !i.args().contains("--query"))
                .extracting(i -> i.operation() + " " + i.resource())
                .containsExactlyInAnyOrder(
                        "describe-key " + KEY_1_ARN,
                        "get-key-rotation-status " + KEY_1_ARN,
                        "describe-key " + ALIAS_ARN,
                        "get-key-rotation-status " + KEY_3_ARN,
                        "describe-key " + KEY_4_ARN,
                        "get-key-rotation-status " + KEY_4_ARN,
                        "get-key-policy " + KEY_1_ARN,
                        "get-key-policy " + KEY_3_ARN,
                        "get-key-policy " + KEY_4_ARN,
                        "list-grants " + KEY_1_ARN,
                        "list-grants " + KEY_3_ARN,
                        "list-grants " + KEY_4_ARN,
                        // another account's key: its rotation status, not its policy nor its grants
                        "describe-key " + FOREIGN_KEY_ARN,
                        "get-key-rotation-status " + FOREIGN_KEY_ARN,
                        // the destination key of a Serverless copy into a collected region; not the one into ap-south-1
                        "describe-key " + KEY_5_ARN,
                        "get-key-rotation-status " + KEY_5_ARN,
                        "get-key-policy " + KEY_5_ARN,
                        "list-grants " + KEY_5_ARN);
        assertThat(aws.invocations())
                .filteredOn(i -> i.operation().equals("get-key-policy"))
                .allSatisfy(i -> assertThat(i.option("--policy-name")).contains("default"));
        assertThat(aws.invocations())
                .filteredOn(
                        i -> i.service().equals("cloudtrail") && i.operation().startsWith("get-"))
                .extracting(i -> i.option("--region").orElse("") + " " + i.operation() + " " + i.resource())
                .containsExactlyInAnyOrder(
                        US + " get-trail-status " + MAIN_TRAIL_ARN,
                        US + " get-event-selectors " + MAIN_TRAIL_ARN,
                        EU + " get-trail-status " + EU_TRAIL_ARN,
                        EU + " get-event-selectors " + EU_TRAIL_ARN);

        // the summary, and no credential anywhere
        assertThat(run.stdout)
                .contains("regions:      2")
                .contains("failed calls: 2")
                .contains(errorFile);
        assertThat(run.stderr).contains("warning").contains("AccessDenied");
        assertNoCredentials(run);
    }

    @Test
    void regionsOptionSkipsTheRegionListAndOverwriteIsExplicit() throws Exception {
        Run first = run("--out", out.toString(), "--regions", EU);
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(aws.unexpected()).isEmpty();
        assertThat(aws.counts()).doesNotContainKey("ec2 describe-regions");
        assertThat(aws.invocations())
                .filteredOn(i -> i.service().equals("sts"))
                .allMatch(
                        i -> i.option("--region").equals(java.util.Optional.of(EU)),
                        "asks STS in --regions' first region");
        assertThat(Files.list(out.resolve(ACCOUNT)).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("sts", EU, Export.COLLECTION);
        Inventory inv = new CliJsonSource(out).load();
        assertThat(inv.errors()).isEmpty();
        // the collection time is recorded, and the scan measures ages from it
        assertThat(inv.accounts().get(0).collectedAt()).isBetween(Instant.now().minusSeconds(600), Instant.now());
        assertThat(first.stdout).contains("failed calls: 0");

        Run again = run("--out", out.toString(), "--regions", EU);
        assertThat(again.exitCode).isEqualTo(2);
        assertThat(again.stderr).contains("already exists").contains("--overwrite");

        Run overwrite = run("--out", out.toString(), "--regions", EU, "--overwrite");
        assertThat(overwrite.exitCode).as(overwrite.toString()).isZero();
        assertThat(new CliJsonSource(out).load().errors()).isEmpty();
        assertReadOnly(aws.invocations());
        assertNoCredentials(overwrite);
    }

    @Test
    void manySecurityGroupsAreAskedInBatchesSavedAsPages() throws Exception {
        String region = "ap-southeast-2";
        List<String> ids = new ArrayList<>();
        StringBuilder groups = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            String id = String.format("sg-%04d", i);
            ids.add(id);
            groups.append(i == 1 ? "" : ",").append("{'GroupId': '").append(id).append("', 'IpPermissions': []}");
        }
        aws.answer(region, "redshift", "describe-clusters", null, "{'Clusters': []}");
        aws.answer(region, "redshift", "describe-cluster-parameter-groups", null, "{'ParameterGroups': []}");
        aws.answer(region, "redshift", "describe-event-subscriptions", null, "{'EventSubscriptionsList': []}");
        aws.answer(region, "redshift", "describe-cluster-subnet-groups", null, "{'ClusterSubnetGroups': []}");
        aws.answer(region, "redshift", "describe-endpoint-authorization", null, "{'EndpointAuthorizationList': []}");
        aws.answer(region, "redshift", "describe-data-shares-for-producer", null, "{'DataShares': []}");
        aws.answer(region, "redshift", "describe-cluster-snapshots", null, "{'Snapshots': []}");
        aws.answer(region, "redshift", "describe-snapshot-copy-grants", null, "{'SnapshotCopyGrants': []}");
        aws.answer(region, "redshift-serverless", "list-namespaces", null, "{'namespaces': []}");
        aws.answer(
                region,
                "redshift-serverless",
                "list-workgroups",
                null,
                "{'workgroups': [{'workgroupName': 'wide',"
                        + " 'namespaceName': 'n', 'publiclyAccessible': false, 'enhancedVpcRouting': true, 'port': 5439,"
                        + " 'configParameters': [], 'securityGroupIds': ['" + String.join("', '", ids) + "']}]}");
        aws.answer(region, "redshift-serverless", "list-snapshots", null, "{'snapshots': []}");
        aws.answer(region, "ec2", "describe-security-groups", null, "{'SecurityGroups': [" + groups + "]}");
        aws.answer(region, "cloudtrail", "describe-trails", null, "{'trailList': []}");
        aws.answer(region, "redshift-serverless", "list-snapshot-copy-configurations", null, COPIES_NONE);
        aws.answer(region, "redshift-serverless", "list-scheduled-actions", null, SCHEDULES_NONE);
        aws.answer(region, "cloudtrail", "lookup-events", null, "{'Events': []}");

        Run run = run("--out", out.toString(), "--regions", region);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(aws.unexpected()).isEmpty();
        String ec2 = ACCOUNT + "/" + region + "/ec2/";
        assertThat(files(out))
                .filteredOn(f -> f.startsWith(ec2))
                .containsExactly(
                        ec2 + "describe-security-groups.page-1.json", ec2 + "describe-security-groups.page-2.json");
        assertThat(aws.counts()).containsEntry("ec2 describe-security-groups", 2);
        Inventory inv = new CliJsonSource(out).load();
        assertThat(inv.errors()).isEmpty();
        Scope scope = new Scope(ACCOUNT, region);
        assertThat(ids).allMatch(id -> inv.securityGroup(scope, id).isPresent(), "is read from a page");
    }

    @Test
    void withNoRegionConfiguredTheAccountWideCallsGoToUsEast1() throws Exception {
        aws.fail(
                "",
                "sts",
                "get-caller-identity",
                null,
                255,
                "\nYou must specify a region. You can also configure your region by running \"aws configure\".\n");
        aws.answer(US, "ec2", "describe-regions", null, "{'Regions': [{'RegionName': 'eu-west-1'}]}");
        Run run = run("--out", out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stderr).contains("No AWS region is configured");
        assertThat(aws.invocations())
                .filteredOn(i -> i.service().equals("sts") || i.service().equals("ec2"))
                .extracting(i -> i.operation() + " " + i.option("--region").orElse("(none)"))
                .containsExactly(
                        "get-caller-identity (none)",
                        "get-caller-identity us-east-1",
                        "describe-regions us-east-1",
                        "get-caller-identity us-east-1");
        assertThat(new CliJsonSource(out).load().errors()).isEmpty();
    }

    @Test
    void helpAndBadUsageCallNothing() throws Exception {
        Run help = run("--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.stdout)
                .contains("Usage: collect-with-aws-cli.sh")
                .contains("--regions")
                .contains("--profile")
                .contains("--out");
        Run bad = run("--bogus");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.stderr).contains("unknown argument: --bogus");
        Run badRegion = run("--regions", "../etc");
        assertThat(badRegion.exitCode).isEqualTo(2);
        assertThat(aws.invocations()).isEmpty();
    }

    @Test
    void failedIdentityCallStopsWithoutWritingAnything() throws Exception {
        aws.fail(
                null,
                "sts",
                "get-caller-identity",
                null,
                253,
                "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n");
        Run run = run("--out", out.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr).contains("Unable to locate credentials").contains("cannot tell which account");
        assertThat(Files.exists(out)).isFalse();
        assertNoCredentials(run);
    }

    // --- the canned estate ------------------------------------------------------------------------------------

    /** Every file the script must write for the canned estate, relative to the export root. */
    static Set<String> expectedFiles() {
        Set<String> files = new TreeSet<>();
        files.add(ACCOUNT + "/" + AwsCliCall.STS_GET_CALLER_IDENTITY.file());
        files.add(ACCOUNT + "/" + Export.COLLECTION);
        for (String region : List.of(US, EU)) {
            for (AwsCliCall call : AwsCliCall.values()) {
                if (call.regional() && call.perResource() == null) {
                    files.add(ACCOUNT + "/" + region + "/" + call.file());
                }
            }
        }
        String us = ACCOUNT + "/" + US + "/";
        files.add(us + AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS.file("custom-pg"));
        files.add(us
                + AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS
                        .file("default.redshift-1.0")
                        .replace(".json", ".error"));
        files.add(us + AwsCliCall.DESCRIBE_LOGGING_STATUS.file("analytics"));
        files.add(us + AwsCliCall.DESCRIBE_LOGGING_STATUS.file("reporting"));
        files.add(us + AwsCliCall.KMS_DESCRIBE_KEY.file(KEY_1));
        files.add(us + AwsCliCall.KMS_DESCRIBE_KEY.file("alias/redshift/backups"));
        files.add(us + AwsCliCall.KMS_DESCRIBE_KEY.file(KEY_4));
        files.add(us + AwsCliCall.KMS_GET_KEY_ROTATION_STATUS.file(KEY_1));
        files.add(us + AwsCliCall.KMS_GET_KEY_ROTATION_STATUS.file(KEY_3).replace(".json", ".error"));
        files.add(us + AwsCliCall.KMS_GET_KEY_ROTATION_STATUS.file(KEY_4));
        files.add(us + AwsCliCall.KMS_DESCRIBE_KEY.file(FOREIGN_KEY));
        files.add(us + AwsCliCall.KMS_GET_KEY_ROTATION_STATUS.file(FOREIGN_KEY));
        files.add(us + AwsCliCall.KMS_GET_KEY_POLICY.file(KEY_1));
        files.add(us + AwsCliCall.KMS_GET_KEY_POLICY.file(KEY_3));
        files.add(us + AwsCliCall.KMS_GET_KEY_POLICY.file(KEY_4));
        files.add(us + AwsCliCall.KMS_LIST_GRANTS.file(KEY_1));
        files.add(us + AwsCliCall.KMS_LIST_GRANTS.file(KEY_3));
        files.add(us + AwsCliCall.KMS_LIST_GRANTS.file(KEY_4));
        files.add(us + AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS.file("main"));
        files.add(us + AwsCliCall.SERVERLESS_GET_SCHEDULED_ACTION.file("lake-nightly"));
        files.add(us + AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS.file("main"));
        String eu = ACCOUNT + "/" + EU + "/";
        files.add(eu + AwsCliCall.KMS_DESCRIBE_KEY.file(KEY_5));
        files.add(eu + AwsCliCall.KMS_GET_KEY_ROTATION_STATUS.file(KEY_5));
        files.add(eu + AwsCliCall.KMS_GET_KEY_POLICY.file(KEY_5));
        files.add(eu + AwsCliCall.KMS_LIST_GRANTS.file(KEY_5));
        files.add(eu + AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS.file("eu-local"));
        files.add(eu + AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS.file("eu-local"));
        assertThat(files).contains(us + "kms/describe-key/alias%2Fredshift%2Fbackups.json");
        return files;
    }

    static void canEstate(FakeAwsCli aws) {
        aws.answer(null, "sts", "get-caller-identity", null, """
                {'UserId': 'AIDAEXAMPLEUSERID0000', 'Account': '111111111111',
                 'Arn': 'arn:aws:iam::111111111111:user/auditor'}""");
        aws.answer(null, "ec2", "describe-regions", null, """
                {'Regions': [{'Endpoint': 'ec2.us-east-1.amazonaws.com', 'RegionName': 'us-east-1', 'OptInStatus': 'opt-in-not-required'},
                             {'Endpoint': 'ec2.eu-west-1.amazonaws.com', 'RegionName': 'eu-west-1', 'OptInStatus': 'opt-in-not-required'}]}""");

        // us-east-1: two clusters, snapshots, a grant, serverless, security groups, a multi-region trail
        aws.answer(US, "redshift", "describe-clusters", null, """
                {'Clusters': [
                  {'ClusterIdentifier': 'analytics', 'NodeType': 'ra3.xlplus', 'ClusterStatus': 'available',
                   'MasterUsername': 'dbadmin', 'Endpoint': {'Address': 'analytics.abc.us-east-1.redshift.amazonaws.com', 'Port': 5439},
                   'AutomatedSnapshotRetentionPeriod': 7, 'Encrypted': true, 'KmsKeyId': 'KEY_1_ARN',
                   'ClusterParameterGroups': [{'ParameterGroupName': 'custom-pg', 'ParameterApplyStatus': 'in-sync'}],
                   'VpcSecurityGroups': [{'VpcSecurityGroupId': 'sg-0aaa', 'Status': 'active'},
                                         {'VpcSecurityGroupId': 'sg-0dead', 'Status': 'active'}],
                   'PubliclyAccessible': false, 'EnhancedVpcRouting': true, 'AllowVersionUpgrade': true},
                  {'ClusterIdentifier': 'reporting', 'NodeType': 'dc2.large', 'ClusterStatus': 'available',
                   'MasterUsername': 'awsuser', 'Endpoint': {'Address': 'reporting.abc.us-east-1.redshift.amazonaws.com', 'Port': 5439},
                   'AutomatedSnapshotRetentionPeriod': 1, 'Encrypted': false,
                   'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0', 'ParameterApplyStatus': 'in-sync'}],
                   'VpcSecurityGroups': [{'VpcSecurityGroupId': 'sg-0aaa', 'Status': 'active'}],
                   'PubliclyAccessible': true, 'EnhancedVpcRouting': false, 'AllowVersionUpgrade': true}]}""".replace("KEY_1_ARN", KEY_1_ARN));
        aws.answer(US, "redshift", "describe-cluster-parameter-groups", null, """
                {'ParameterGroups': [{'ParameterGroupName': 'custom-pg', 'ParameterGroupFamily': 'redshift-1.0',
                                      'Description': 'hardened'}]}""");
        aws.answer(US, "redshift", "describe-event-subscriptions", null, """
                {'EventSubscriptionsList': [{'CustSubscriptionId': 'ops-alerts', 'CustomerAwsId': '111111111111',
                  'SnsTopicArn': 'arn:aws:sns:us-east-1:111111111111:ops', 'Status': 'active', 'SourceType': 'cluster',
                  'Enabled': true, 'Tags': [{'Key': 'owner', 'Value': 'ops'}]}]}""");
        aws.answer(US, "redshift", "describe-cluster-subnet-groups", null, """
                {'ClusterSubnetGroups': [{'ClusterSubnetGroupName': 'analytics', 'VpcId': 'vpc-0abc',
                  'SubnetGroupStatus': 'Complete', 'Tags': [],
                  'Subnets': [{'SubnetIdentifier': 'subnet-0a', 'SubnetStatus': 'Active',
                               'SubnetAvailabilityZone': {'Name': 'us-east-1a'}},
                              {'SubnetIdentifier': 'subnet-0b', 'SubnetStatus': 'Active',
                               'SubnetAvailabilityZone': {'Name': 'us-east-1b'}}]}]}""");
        aws.answer(US, "redshift", "describe-data-shares-for-producer", null, "{'DataShares': []}");
        aws.answer(US, "redshift", "describe-endpoint-authorization", null, """
                {'EndpointAuthorizationList': [{'Grantor': '111111111111', 'Grantee': '999999999999',
                  'ClusterIdentifier': 'analytics', 'Status': 'Authorized', 'AllowedAllVPCs': true,
                  'EndpointCount': 1}]}""");
        aws.answer(US, "redshift", "describe-cluster-parameters", "custom-pg", """
                {'Parameters': [{'ParameterName': 'require_ssl', 'ParameterValue': 'true', 'Source': 'user'},
                                {'ParameterName': 'enable_user_activity_logging', 'ParameterValue': 'true', 'Source': 'user'}]}""");
        aws.fail(US, "redshift", "describe-cluster-parameters", "default.redshift-1.0", 254, ACCESS_DENIED);
        aws.answer(US, "redshift", "describe-logging-status", "analytics", """
                {'LoggingEnabled': true, 'LogDestinationType': 'cloudwatch',
                 'LogExports': ['connectionlog', 'userlog', 'useractivitylog']}""");
        aws.answer(US, "redshift", "describe-logging-status", "reporting", "{'LoggingEnabled': false}");
        aws.answer(US, "redshift", "describe-cluster-snapshots", null, """
                {'Snapshots': [
                  {'SnapshotIdentifier': 'rs:analytics-2026-05-31', 'ClusterIdentifier': 'analytics', 'SnapshotType': 'automated',
                   'OwnerAccount': '111111111111', 'Encrypted': true, 'KmsKeyId': 'KEY_1_ARN', 'Status': 'available'},
                  {'SnapshotIdentifier': 'before-upgrade', 'ClusterIdentifier': 'analytics', 'SnapshotType': 'manual',
                   'OwnerAccount': '111111111111', 'Encrypted': true, 'KmsKeyId': 'ALIAS_ARN', 'Status': 'available',
                   'ManualSnapshotRetentionPeriod': -1},
                  {'SnapshotIdentifier': 'partner-share', 'ClusterIdentifier': 'partner', 'SnapshotType': 'manual',
                   'OwnerAccount': '222222222222', 'Encrypted': true, 'KmsKeyId': 'PARTNER_KEY_ARN', 'Status': 'available'}]}""".replace("KEY_1_ARN", KEY_1_ARN)
                .replace("ALIAS_ARN", ALIAS_ARN)
                .replace("PARTNER_KEY_ARN", PARTNER_KEY_ARN));
        aws.answer(US, "redshift", "describe-snapshot-copy-grants", null, """
                {'SnapshotCopyGrants': [{'SnapshotCopyGrantName': 'dr-grant', 'KmsKeyId': 'KEY_1_ARN'},
                                        {'SnapshotCopyGrantName': 'vendor-grant', 'KmsKeyId': 'FOREIGN_KEY_ARN'}]}""".replace("KEY_1_ARN", KEY_1_ARN)
                .replace("FOREIGN_KEY_ARN", FOREIGN_KEY_ARN));
        aws.answer(US, "kms", "describe-key", FOREIGN_KEY_ARN, keyMetadata(FOREIGN_KEY, FOREIGN_KEY_ARN));
        aws.answer(US, "kms", "get-key-rotation-status", FOREIGN_KEY_ARN, "{'KeyRotationEnabled': true}");
        aws.answer(US, "redshift-serverless", "list-namespaces", null, """
                {'namespaces': [{'namespaceName': 'lake', 'namespaceArn': 'arn:aws:redshift-serverless:us-east-1:111111111111:namespace/0f0f',
                                 'status': 'AVAILABLE', 'kmsKeyId': 'AWS_OWNED_KMS_KEY', 'adminUsername': 'admin',
                                 'logExports': ['userlog']}]}""");
        aws.answer(US, "redshift-serverless", "list-workgroups", null, """
                {'workgroups': [{'workgroupName': 'lake-wg', 'namespaceName': 'lake', 'publiclyAccessible': false,
                                 'enhancedVpcRouting': true, 'port': 5439, 'securityGroupIds': ['sg-0ccc'],
                                 'configParameters': [{'parameterKey': 'require_ssl', 'parameterValue': 'true'}]}]}""");
        aws.answer(US, "redshift-serverless", "list-snapshots", null, """
                {'snapshots': [{'snapshotName': 'lake-snap', 'namespaceName': 'lake', 'ownerAccount': '111111111111',
                                'kmsKeyId': 'KEY_4_ARN'},
                               {'snapshotName': 'from-vendor', 'namespaceName': 'vendor', 'ownerAccount': '333333333333',
                                'kmsKeyId': 'VENDOR_KEY_ARN'}]}""".replace("KEY_4_ARN", KEY_4_ARN)
                .replace("VENDOR_KEY_ARN", VENDOR_KEY_ARN));
        aws.answer(US, "ec2", "describe-security-groups", null, """
                {'SecurityGroups': [
                  {'GroupId': 'sg-0aaa', 'GroupName': 'redshift-private', 'VpcId': 'vpc-1',
                   'IpPermissions': [{'IpProtocol': 'tcp', 'FromPort': 5439, 'ToPort': 5439, 'IpRanges': [{'CidrIp': '10.0.0.0/8'}]}]},
                  {'GroupId': 'sg-0ccc', 'GroupName': 'serverless-open', 'VpcId': 'vpc-1',
                   'IpPermissions': [{'IpProtocol': 'tcp', 'FromPort': 5439, 'ToPort': 5439, 'IpRanges': [{'CidrIp': '0.0.0.0/0'}]}]},
                  {'GroupId': 'sg-0zzz', 'GroupName': 'unrelated', 'VpcId': 'vpc-1', 'IpPermissions': []}]}""");
        aws.answer(US, "cloudtrail", "describe-trails", null, """
                {'trailList': [{'Name': 'main', 'TrailARN': 'MAIN_TRAIL_ARN', 'HomeRegion': 'us-east-1',
                                'IsMultiRegionTrail': true, 'LogFileValidationEnabled': true,
                                'HasCustomEventSelectors': false, 'S3BucketName': 'trail-bucket'}]}""".replace("MAIN_TRAIL_ARN", MAIN_TRAIL_ARN));
        aws.answer(US, "cloudtrail", "get-trail-status", MAIN_TRAIL_ARN, "{'IsLogging': true}");
        // copies of lake: to eu-west-1 (collected: its key is looked up there) and ap-south-1 (not collected: not)
        aws.answer(US, "redshift-serverless", "list-snapshot-copy-configurations", null, """
                {'snapshotCopyConfigurations': [
                  {'namespaceName': 'lake', 'destinationRegion': 'eu-west-1', 'destinationKmsKeyId': 'KEY_5_ARN'},
                  {'namespaceName': 'lake', 'destinationRegion': 'ap-south-1',
                   'destinationKmsKeyId': 'arn:aws:kms:ap-south-1:111111111111:key/6666ffff-6666-4666-8666-666666666666'}]}""".replace(
                        "KEY_5_ARN", KEY_5_ARN));
        // a nightly snapshot schedule of lake, asked by its name
        aws.answer(US, "redshift-serverless", "list-scheduled-actions", null, """
                {'scheduledActions': [{'namespaceName': 'lake', 'scheduledActionName': 'lake-nightly'}]}""");
        aws.answer(US, "redshift-serverless", "get-scheduled-action", "lake-nightly", """
                {'scheduledAction': {'scheduledActionName': 'lake-nightly', 'namespaceName': 'lake', 'state': 'ACTIVE',
                  'schedule': {'cron': 'cron(0 2 * * ? *)'},
                  'targetAction': {'createSnapshot': {'namespaceName': 'lake', 'snapshotNamePrefix': 'lake',
                                                      'retentionPeriod': -1}}}}""");
        aws.answer(EU, "kms", "describe-key", KEY_5_ARN, keyMetadata(KEY_5, KEY_5_ARN));
        aws.answer(EU, "kms", "get-key-rotation-status", KEY_5_ARN, "{'KeyRotationEnabled': true}");
        aws.answer(EU, "kms", "get-key-policy", KEY_5_ARN, keyPolicy("111111111111"));
        aws.answer(EU, "kms", "list-grants", KEY_5_ARN, "{'Grants': [], 'Truncated': false}");
        aws.answer(US, "cloudtrail", "lookup-events", null, """
                {'Events': [{'EventId': 'e1', 'EventName': 'RotateEncryptionKey', 'EventTime': '2026-05-20T03:12:00+00:00',
                  'EventSource': 'redshift.amazonaws.com',
                  'CloudTrailEvent': '{\\"requestParameters\\": {\\"clusterIdentifier\\": \\"analytics\\"}}'}]}""");
        aws.answer(
                US, "cloudtrail", "get-event-selectors", MAIN_TRAIL_ARN, """
                {'TrailARN': 'MAIN_TRAIL_ARN', 'EventSelectors': [{'ReadWriteType': 'All', 'IncludeManagementEvents': true}]}""".replace("MAIN_TRAIL_ARN", MAIN_TRAIL_ARN));
        aws.answer(US, "kms", "describe-key", KEY_1_ARN, keyMetadata(KEY_1, KEY_1_ARN));
        aws.answer(
                US,
                "kms",
                "get-key-rotation-status",
                KEY_1_ARN,
                "{'KeyRotationEnabled': true, 'KeyId': '" + KEY_1_ARN + "', 'RotationPeriodInDays': 365}");
        aws.answer(US, "kms", "get-key-policy", KEY_1_ARN, keyPolicy("111111111111"));
        aws.answer(US, "kms", "list-grants", KEY_1_ARN, """
                {'Grants': [{'KeyId': 'KEY_1_ARN', 'GrantId': 'a1', 'Name': '', 'CreationDate': '2026-01-05T10:00:00+00:00',
                             'GranteePrincipal': 'redshift.us-east-1.amazonaws.com',
                             'RetiringPrincipal': 'redshift.us-east-1.amazonaws.com',
                             'IssuingAccount': 'arn:aws:iam::111111111111:root',
                             'Operations': ['Decrypt', 'GenerateDataKey', 'CreateGrant']}],
                 'Truncated': false}""".replace("KEY_1_ARN", KEY_1_ARN));
        aws.answer(US, "kms", "describe-key", ALIAS_ARN, keyMetadata(KEY_3, KEY_3_ARN));
        aws.answer(US, "kms", "get-key-policy", KEY_3_ARN, keyPolicy("111111111111"));
        aws.answer(US, "kms", "list-grants", KEY_3_ARN, "{'Grants': [], 'Truncated': false}");
        // a message that echoes credentials back (as a signature mismatch can): the script must mask them
        aws.fail(
                US,
                "kms",
                "get-key-rotation-status",
                KEY_3_ARN,
                254,
                "\nAn error occurred"
                        + " (AccessDeniedException) when calling the GetKeyRotationStatus operation: request by "
                        + ACCESS_KEY
                        + " with token " + SESSION_TOKEN + " and secret " + SECRET_KEY + " is not authorized\n");
        aws.answer(US, "kms", "describe-key", KEY_4_ARN, keyMetadata(KEY_4, KEY_4_ARN));
        aws.answer(US, "kms", "get-key-rotation-status", KEY_4_ARN, "{'KeyRotationEnabled': false}");
        aws.answer(US, "kms", "get-key-policy", KEY_4_ARN, keyPolicy("111111111111"));
        aws.answer(US, "kms", "list-grants", KEY_4_ARN, "{'Grants': [], 'Truncated': false}");

        // eu-west-1: nothing provisioned; the multi-region trail shows up (shadow) beside a local one
        aws.answer(EU, "redshift", "describe-clusters", null, "{'Clusters': []}");
        aws.answer(EU, "redshift", "describe-cluster-parameter-groups", null, "{'ParameterGroups': []}");
        aws.answer(EU, "redshift", "describe-event-subscriptions", null, "{'EventSubscriptionsList': []}");
        aws.answer(EU, "redshift", "describe-cluster-subnet-groups", null, "{'ClusterSubnetGroups': []}");
        aws.answer(EU, "redshift", "describe-endpoint-authorization", null, "{'EndpointAuthorizationList': []}");
        aws.answer(EU, "redshift", "describe-data-shares-for-producer", null, "{'DataShares': []}");
        aws.answer(EU, "redshift", "describe-cluster-snapshots", null, "{'Snapshots': []}");
        aws.answer(EU, "redshift", "describe-snapshot-copy-grants", null, "{'SnapshotCopyGrants': []}");
        aws.answer(EU, "redshift-serverless", "list-namespaces", null, "{'namespaces': []}");
        aws.answer(EU, "redshift-serverless", "list-workgroups", null, "{'workgroups': []}");
        aws.answer(EU, "redshift-serverless", "list-snapshots", null, "{'snapshots': []}");
        aws.answer(EU, "redshift-serverless", "list-snapshot-copy-configurations", null, COPIES_NONE);
        aws.answer(EU, "redshift-serverless", "list-scheduled-actions", null, SCHEDULES_NONE);
        aws.answer(EU, "cloudtrail", "lookup-events", null, "{'Events': []}");
        aws.answer(EU, "cloudtrail", "describe-trails", null, """
                {'trailList': [
                  {'Name': 'main', 'TrailARN': 'MAIN_TRAIL_ARN', 'HomeRegion': 'us-east-1', 'IsMultiRegionTrail': true,
                   'LogFileValidationEnabled': true, 'HasCustomEventSelectors': false},
                  {'Name': 'eu-local', 'TrailARN': 'EU_TRAIL_ARN', 'HomeRegion': 'eu-west-1', 'IsMultiRegionTrail': false,
                   'LogFileValidationEnabled': false, 'HasCustomEventSelectors': true}]}""".replace("MAIN_TRAIL_ARN", MAIN_TRAIL_ARN)
                .replace("EU_TRAIL_ARN", EU_TRAIL_ARN));
        aws.answer(EU, "cloudtrail", "get-trail-status", EU_TRAIL_ARN, "{'IsLogging': false}");
        aws.answer(EU, "cloudtrail", "get-event-selectors", EU_TRAIL_ARN, """
                {'TrailARN': 'EU_TRAIL_ARN', 'AdvancedEventSelectors': [{'Name': 'mgmt',
                  'FieldSelectors': [{'Field': 'eventCategory', 'Equals': ['Management']}]}]}""".replace("EU_TRAIL_ARN", EU_TRAIL_ARN));
    }

    private static final String COPIES_NONE = "{'snapshotCopyConfigurations': []}";

    private static final String SCHEDULES_NONE = "{'scheduledActions': []}";

    static String keyMetadata(String id, String arn) {
        return ("{'KeyMetadata': {'AWSAccountId': '111111111111', 'KeyId': 'ID', 'Arn': 'ARN', 'Enabled': true,"
                        + " 'KeyUsage': 'ENCRYPT_DECRYPT', 'KeyState': 'Enabled', 'Origin': 'AWS_KMS', 'KeyManager': 'CUSTOMER',"
                        + " 'KeySpec': 'SYMMETRIC_DEFAULT', 'CreationDate': '2025-01-01T00:00:00+00:00'}}")
                .replace("ID", id)
                .replace("ARN", arn);
    }

    /** The answer of {@code get-key-policy}: a policy that lets the root of {@code account} do everything. */
    static String keyPolicy(String account) {
        return "{'PolicyName': 'default', 'Policy': '{\\'Version\\': \\'2012-10-17\\', \\'Statement\\': [{\\'Sid\\':"
                + " \\'Enable IAM User Permissions\\', \\'Effect\\': \\'Allow\\', \\'Principal\\': {\\'AWS\\':"
                + " \\'arn:aws:iam::ACCOUNT:root\\'}, \\'Action\\': \\'kms:*\\', \\'Resource\\': \\'*\\'}]}'}"
                        .replace("ACCOUNT", account);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        Path home = Files.createDirectories(tmp.resolve("home"));
        env.put("PATH", aws.bin() + ":/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("TMPDIR", Files.createDirectories(tmp.resolve("tmp")).toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        env.put("AWS_CONFIG_FILE", home.resolve("no-such-config").toString());
        env.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve("no-such-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Path stdout = tmp.resolve("stdout-" + System.nanoTime());
        Path stderr = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the collector did not finish in 180 s");
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    static Set<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static void assertReadOnly(List<FakeAwsCli.Invocation> calls) {
        Set<String> allowed = new TreeSet<>();
        for (AwsCliCall c : AwsCliCall.values()) {
            allowed.add(c.service() + " " + c.operation());
        }
        allowed.add("ec2 describe-regions");
        assertThat(calls).isNotEmpty();
        for (FakeAwsCli.Invocation call : calls) {
            assertThat(allowed)
                    .as("a call AwsCliCall does not list: " + call)
                    .contains(call.service() + " " + call.operation());
            assertThat(MUTATING.matcher(call.operation()).find())
                    .as("a mutating call: " + call)
                    .isFalse();
            assertThat(call.option("--output")).as("--output on " + call).isPresent();
            if (call.option("--output").get().equals("text")) {
                assertThat(call.option("--query"))
                        .as("text output is only for --query: " + call)
                        .isPresent();
            }
        }
    }

    void assertNoCredentials(Run run) throws IOException {
        List<String> texts = new ArrayList<>(List.of(run.stdout, run.stderr));
        if (Files.exists(aws.log())) {
            texts.add(Files.readString(aws.log()));
        }
        if (Files.exists(out)) {
            for (String f : files(out)) {
                texts.add(new String(Files.readAllBytes(out.resolve(f)), StandardCharsets.UTF_8));
            }
        }
        for (String text : texts) {
            assertThat(text)
                    .doesNotContain(ACCESS_KEY)
                    .doesNotContain(SECRET_KEY)
                    .doesNotContain(SESSION_TOKEN);
        }
    }
}
