package io.rsaudit.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rsaudit.core.source.AwsCliCall;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * The simulator through the real SDK v2 clients: every call of {@link AwsCliCall} over every account, region and
 * per-resource file of {@code examples/estate} parses into the values of the export file, across forced small
 * pages; errors surface as the SDK exceptions AWS would cause.
 */
class AwsSimulatorTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    private static AwsSimulator sim;

    @BeforeAll
    static void start() throws IOException {
        sim = AwsSimulator.start(
                ESTATE,
                SimOptions.builder()
                        .maxPageSize(2)
                        .optedOut("ap-east-1")
                        .suspended("999999999999")
                        .unassumable("222222222222")
                        .build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A region-wide call through the SDK (all pages); the list member of each page. */
    private static List<SdkPojo> pages(AwsCliCall call, SimClients c) {
        List<SdkPojo> pages = new ArrayList<>();
        switch (call) {
            case DESCRIBE_CLUSTERS ->
                c.redshift().describeClustersPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_CLUSTER_PARAMETER_GROUPS ->
                c.redshift().describeClusterParameterGroupsPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_CLUSTER_SNAPSHOTS ->
                c.redshift().describeClusterSnapshotsPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_SNAPSHOT_COPY_GRANTS ->
                c.redshift().describeSnapshotCopyGrantsPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_EVENT_SUBSCRIPTIONS ->
                c.redshift().describeEventSubscriptionsPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_CLUSTER_SUBNET_GROUPS ->
                c.redshift().describeClusterSubnetGroupsPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_ENDPOINT_AUTHORIZATION ->
                c.redshift().describeEndpointAuthorizationPaginator(r -> {}).forEach(pages::add);
            case DESCRIBE_DATA_SHARES_FOR_PRODUCER ->
                c.redshift().describeDataSharesForProducerPaginator(r -> {}).forEach(pages::add);
            case EC2_DESCRIBE_SECURITY_GROUPS ->
                c.ec2().describeSecurityGroupsPaginator(r -> r.maxResults(5)).forEach(pages::add);
            case SERVERLESS_LIST_NAMESPACES ->
                c.serverless().listNamespacesPaginator(r -> {}).forEach(pages::add);
            case SERVERLESS_LIST_WORKGROUPS ->
                c.serverless().listWorkgroupsPaginator(r -> {}).forEach(pages::add);
            case SERVERLESS_LIST_SNAPSHOTS ->
                c.serverless().listSnapshotsPaginator(r -> {}).forEach(pages::add);
            case CLOUDTRAIL_DESCRIBE_TRAILS -> pages.add(c.cloudtrail().describeTrails(r -> {}));
            case SERVERLESS_LIST_SNAPSHOT_COPY_CONFIGURATIONS ->
                c.serverless().listSnapshotCopyConfigurationsPaginator(r -> {}).forEach(pages::add);
            case SERVERLESS_LIST_SCHEDULED_ACTIONS ->
                c.serverless()
                        .listScheduledActionsPaginator(r -> r.maxResults(1))
                        .forEach(pages::add);
            // without a time range: every event the history holds, newest first as the export keeps them
            case CLOUDTRAIL_LOOKUP_EVENTS ->
                c.cloudtrail().lookupEventsPaginator(r -> r.maxResults(1)).forEach(pages::add);
            default -> throw new IllegalArgumentException(call.name());
        }
        return pages;
    }

    /** A per-resource call through the SDK, asked with the name its file has. */
    private static SdkPojo perResource(AwsCliCall call, SimClients c, String name) {
        return switch (call) {
            case DESCRIBE_LOGGING_STATUS -> c.redshift().describeLoggingStatus(r -> r.clusterIdentifier(name));
            case KMS_DESCRIBE_KEY -> c.kms().describeKey(r -> r.keyId(name));
            case KMS_GET_KEY_ROTATION_STATUS -> c.kms().getKeyRotationStatus(r -> r.keyId(name));
            case KMS_GET_KEY_POLICY -> c.kms().getKeyPolicy(r -> r.keyId(name).policyName("default"));
            case CLOUDTRAIL_GET_TRAIL_STATUS -> c.cloudtrail().getTrailStatus(r -> r.name(name));
            case CLOUDTRAIL_GET_EVENT_SELECTORS -> c.cloudtrail().getEventSelectors(r -> r.trailName(name));
            case SERVERLESS_GET_SCHEDULED_ACTION -> c.serverless().getScheduledAction(r -> r.scheduledActionName(name));
            default -> throw new IllegalArgumentException(call.name());
        };
    }

    private static final Function<AwsCliCall, SimOperation> OP = call -> Stream.of(SimOperation.values())
            .filter(o -> o.call() == call)
            .findFirst()
            .orElseThrow();

    @Test
    void everyRegionWideCallParsesIntoTheExportsValuesAcrossPages() throws IOException {
        int compared = 0;
        int multiPage = 0;
        for (String account : accounts()) {
            for (String region : regions(account)) {
                try (SimClients c = SimClients.of(sim.endpoint(), account, region)) {
                    for (AwsCliCall call : AwsCliCall.values()) {
                        Path file = ESTATE.resolve(account).resolve(region).resolve(call.file());
                        if (call.perResource() != null || !call.regional() || !Files.exists(file)) {
                            continue;
                        }
                        Class<?> type = OP.apply(call).responseClass();
                        JsonNode export = SdkJson.ofExport(type, SdkJson.JSON.readTree(file.toFile()));
                        List<SdkPojo> pages = pages(call, c);
                        ArrayNode items = SdkJson.JSON.createArrayNode();
                        for (SdkPojo page : pages) {
                            JsonNode parsed = SdkJson.ofSdk(page);
                            items.addAll((ArrayNode) parsed.get(call.listMember()));
                        }
                        assertThat(items)
                                .as("%s in %s/%s", call.cli(), account, region)
                                .isEqualTo(export.get(call.listMember()));
                        multiPage += pages.size() > 1 ? 1 : 0;
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50);
        assertThat(multiPage).as("calls that needed several pages").isGreaterThan(5);
    }

    @Test
    void everyPerResourceFileAnswersItsCall() throws IOException {
        int compared = 0;
        for (String account : accounts()) {
            for (String region : regions(account)) {
                try (SimClients c = SimClients.of(sim.endpoint(), account, region)) {
                    for (AwsCliCall call : List.of(
                            AwsCliCall.DESCRIBE_LOGGING_STATUS,
                            AwsCliCall.KMS_DESCRIBE_KEY,
                            AwsCliCall.KMS_GET_KEY_ROTATION_STATUS,
                            AwsCliCall.KMS_GET_KEY_POLICY,
                            AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS,
                            AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS,
                            AwsCliCall.SERVERLESS_GET_SCHEDULED_ACTION)) {
                        for (Path file : files(
                                ESTATE.resolve(account)
                                        .resolve(region)
                                        .resolve(call.service())
                                        .resolve(call.operation()),
                                ".json")) {
                            String name = decode(file, ".json");
                            JsonNode export = SdkJson.ofExport(
                                    OP.apply(call).responseClass(), SdkJson.JSON.readTree(file.toFile()));
                            assertThat(SdkJson.ofSdk(perResource(call, c, name)))
                                    .as("%s", file)
                                    .isEqualTo(export);
                            compared++;
                        }
                    }
                    // the paged per-resource calls, over pages: a key's grants, the parameters of a group
                    compared += pagedPerResource(
                            account,
                            region,
                            AwsCliCall.KMS_LIST_GRANTS,
                            key -> c.kms().listGrantsPaginator(r -> r.keyId(key)).stream());
                    compared +=
                            pagedPerResource(
                                    account,
                                    region,
                                    AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS,
                                    group -> c
                                            .redshift()
                                            .describeClusterParametersPaginator(r -> r.parameterGroupName(group))
                                            .stream());
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    /**
     * Every file of a paged per-resource call in an account-region: its list, asked through {@code pages} with the
     * name the file has, across pages, equals the file's. Returns how many files were compared.
     */
    private static int pagedPerResource(
            String account, String region, AwsCliCall call, Function<String, Stream<? extends SdkPojo>> pages)
            throws IOException {
        int compared = 0;
        for (Path file : files(
                ESTATE.resolve(account).resolve(region).resolve(call.service()).resolve(call.operation()), ".json")) {
            ArrayNode items = SdkJson.JSON.createArrayNode();
            pages.apply(decode(file, ".json"))
                    .forEach(p -> items.addAll((ArrayNode) SdkJson.ofSdk(p).get(call.listMember())));
            JsonNode export = SdkJson.ofExport(OP.apply(call).responseClass(), SdkJson.JSON.readTree(file.toFile()));
            assertThat(items).as("%s", file).isEqualTo(export.get(call.listMember()));
            compared++;
        }
        return compared;
    }

    @Test
    void aKeyNamedByArnOrAliasFindsItsFile() throws IOException {
        Path dir = ESTATE.resolve("111111111111/eu-west-1/kms/describe-key");
        String id = decode(files(dir, ".json").get(0), ".json");
        try (SimClients c = SimClients.of(sim.endpoint(), "111111111111", "eu-west-1")) {
            String arn = "arn:aws:kms:eu-west-1:111111111111:key/" + id;
            assertThat(c.kms().describeKey(r -> r.keyId(arn)).keyMetadata().keyId())
                    .isEqualTo(
                            c.kms().describeKey(r -> r.keyId(id)).keyMetadata().keyId());
        }
    }

    /**
     * A key the export describes without a policy file has the policy KMS writes for its kind: the console's for a
     * customer-managed key, AWS's for an AWS managed one, each letting the key's own account use it; {@code default}
     * is the only policy name.
     */
    @Test
    void aKeyWithoutAPolicyFileHasTheDefaultPolicyOfItsKind(@TempDir Path estate) throws IOException {
        Path kms = Files.createDirectories(estate.resolve("111111111111/eu-west-1/kms/describe-key"));
        for (String[] key : new String[][] {{"customer-key", "CUSTOMER"}, {"aws-key", "AWS"}}) {
            Files.writeString(
                    kms.resolve(key[0] + ".json"),
                    "{\"KeyMetadata\": {\"KeyId\": \"" + key[0] + "\", \"KeyManager\": \"" + key[1] + "\"}}");
        }
        try (AwsSimulator own = AwsSimulator.start(estate, SimOptions.builder().build());
                SimClients c = SimClients.noRetries(own.endpoint(), "111111111111", "eu-west-1")) {
            GetKeyPolicyResponse customer =
                    c.kms().getKeyPolicy(r -> r.keyId("customer-key").policyName("default"));
            assertThat(customer.policyName()).isEqualTo("default");
            assertThat(SdkJson.JSON.readTree(customer.policy()).path("Statement"))
                    .extracting(st -> st.path("Sid").asText())
                    .containsExactly(
                            "Enable IAM User Permissions",
                            "Allow access for Key Administrators",
                            "Allow access through Amazon Redshift for all principals in the account that are authorized"
                                    + " to use Amazon Redshift");
            assertThat(customer.policy())
                    .contains("arn:aws:iam::111111111111:root")
                    .contains("redshift.eu-west-1");
            String aws = c.kms()
                    .getKeyPolicy(r -> r.keyId("arn:aws:kms:eu-west-1:111111111111:key/aws-key"))
                    .policy();
            assertThat(aws).contains("\"kms:CallerAccount\" : \"111111111111\"").doesNotContain("KeyAdmin");
            assertCode(
                    () -> c.kms().getKeyPolicy(r -> r.keyId("customer-key").policyName("other")),
                    "NotFoundException",
                    400);
            assertCode(() -> c.kms().getKeyPolicy(r -> r.keyId("no-such")), "NotFoundException", 400);
        }
    }

    /**
     * A key the export describes without a grants file has the grants Redshift makes for itself; ListGrants pages by
     * Limit and Marker, and Truncated says whether more follow.
     */
    @Test
    void aKeyWithoutAGrantsFileHasRedshiftsGrantsPagedByLimitAndMarker(@TempDir Path estate) throws IOException {
        Path kms = Files.createDirectories(estate.resolve("111111111111/eu-west-1/kms/describe-key"));
        Files.writeString(
                kms.resolve("k1.json"), "{\"KeyMetadata\": {\"KeyId\": \"k1\", \"KeyManager\": \"CUSTOMER\"}}");
        try (AwsSimulator own = AwsSimulator.start(estate, SimOptions.builder().build());
                SimClients c = SimClients.noRetries(own.endpoint(), "111111111111", "eu-west-1")) {
            ListGrantsResponse first = c.kms().listGrants(r -> r.keyId("k1").limit(1));
            assertThat(first.truncated()).isTrue();
            assertThat(first.nextMarker()).isNotEmpty();
            ListGrantsResponse second = c.kms()
                    .listGrants(r -> r.keyId("arn:aws:kms:eu-west-1:111111111111:key/k1")
                            .limit(1)
                            .marker(first.nextMarker()));
            assertThat(second.truncated()).isFalse();
            assertThat(second.nextMarker()).isNull();
            assertThat(Stream.of(first, second).flatMap(p -> p.grants().stream()))
                    .extracting(GrantListEntry::granteePrincipal)
                    .containsExactly(
                            "redshift.eu-west-1.amazonaws.com",
                            "arn:aws:iam::111111111111:role/aws-service-role/redshift.amazonaws.com"
                                    + "/AWSServiceRoleForRedshift");
            assertThat(c.kms().listGrantsPaginator(r -> r.keyId("k1")).grants())
                    .hasSize(2)
                    .allSatisfy(g -> assertThat(g.keyId()).isEqualTo("arn:aws:kms:eu-west-1:111111111111:key/k1"));
            assertCode(() -> c.kms().listGrants(r -> r.keyId("no-such")), "NotFoundException", 400);
            assertCode(() -> c.kms().listGrants(r -> r.keyId("k1").limit(101)), "ValidationException", 400);
        }
    }

    @Test
    void scheduledActionsAreListedPerNamespaceWhenOneIsNamed() {
        try (SimClients c = SimClients.of(sim.endpoint(), "111111111111", "eu-west-1")) {
            assertThat(c.serverless()
                            .listScheduledActions(r -> r.namespaceName("prod-adhoc"))
                            .scheduledActions())
                    .extracting(a -> a.scheduledActionName())
                    .containsExactly("prod-adhoc-nightly");
            assertThat(c.serverless()
                            .listScheduledActions(r -> r.namespaceName("no-such"))
                            .scheduledActions())
                    .isEmpty();
            assertThat(c.serverless()
                            .getScheduledAction(r -> r.scheduledActionName("prod-adhoc-nightly"))
                            .scheduledAction()
                            .targetAction()
                            .createSnapshot()
                            .retentionPeriod())
                    .isEqualTo(35);
        }
    }

    @Test
    void anErrorFileAnswersTheErrorItHolds() throws IOException {
        Path error = ESTATE.resolve("222222222222/us-east-1/redshift/describe-logging-status/analytics-sandbox.error");
        assertThat(Files.readString(error)).contains("(AccessDenied)");
        try (SimClients c = SimClients.noRetries(sim.endpoint(), "222222222222", "us-east-1")) {
            assertThatThrownBy(() -> c.redshift().describeLoggingStatus(r -> r.clusterIdentifier("analytics-sandbox")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("redshift:DescribeLoggingStatus");
                    });
        }
    }

    @Test
    void absentResourcesAreNotFoundWithEachServicesCode() {
        try (SimClients c = SimClients.noRetries(sim.endpoint(), "111111111111", "eu-west-1")) {
            assertCode(
                    () -> c.redshift().describeLoggingStatus(r -> r.clusterIdentifier("no-such")),
                    "ClusterNotFound",
                    404);
            assertCode(
                    () -> c.redshift().describeClusters(r -> r.clusterIdentifier("no-such")), "ClusterNotFound", 404);
            assertCode(
                    () -> c.redshift().describeClusterParameters(r -> r.parameterGroupName("no-such")),
                    "ClusterParameterGroupNotFound",
                    404);
            assertCode(() -> c.kms().describeKey(r -> r.keyId("alias/no-such")), "NotFoundException", 400);
            assertCode(() -> c.cloudtrail().getTrailStatus(r -> r.name("no-such")), "TrailNotFoundException", 400);
            assertCode(
                    () -> c.serverless().getScheduledAction(r -> r.scheduledActionName("no-such")),
                    "ResourceNotFoundException",
                    404);
            assertCode(
                    () -> c.ec2().describeSecurityGroups(r -> r.groupIds("sg-0000000000")),
                    "InvalidGroup.NotFound",
                    400);
        }
        // a region the account holds no folder for: every list is empty, as in a region with nothing in it
        try (SimClients c = SimClients.noRetries(sim.endpoint(), "111111111111", "sa-east-1")) {
            assertThat(c.redshift().describeClusters().clusters()).isEmpty();
            assertThat(c.serverless().listWorkgroups(r -> {}).workgroups()).isEmpty();
        }
    }

    @Test
    void securityGroupsHonourTheGroupIdFilter() throws IOException {
        JsonNode file = SdkJson.JSON.readTree(ESTATE.resolve("111111111111/eu-west-1/ec2/describe-security-groups.json")
                .toFile());
        String id = file.get("SecurityGroups").get(0).get("GroupId").asText();
        try (SimClients c = SimClients.of(sim.endpoint(), "111111111111", "eu-west-1")) {
            var groups = c.ec2()
                    .describeSecurityGroups(r -> r.filters(Filter.builder()
                            .name("group-id")
                            .values(id, "sg-deleted00000000")
                            .build()))
                    .securityGroups();
            assertThat(groups).extracting(g -> g.groupId()).containsExactly(id);
            assertThat(c.ec2().describeSecurityGroups(r -> r.groupIds(id)).securityGroups())
                    .hasSize(1);
        }
    }

    @Test
    void identityRolesRegionsAndOrganizationAccounts() {
        try (SimClients c = SimClients.noRetries(sim.endpoint(), "111111111111", "eu-west-1")) {
            assertThat(c.sts().getCallerIdentity().account()).isEqualTo("111111111111");
            AssumeRoleResponse role = c.sts()
                    .assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/audit")
                            .roleSessionName("rsaudit")
                            .externalId("x"));
            assertThat(role.credentials().accessKeyId()).isEqualTo("SIM333333333333");
            assertThat(role.credentials().sessionToken()).isNotBlank();
            assertThat(role.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/audit/rsaudit");
            assertCode(
                    () -> c.sts()
                            .assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/audit")
                                    .roleSessionName("rsaudit")),
                    "AccessDenied",
                    403);

            assertThat(c.ec2().describeRegions().regions())
                    .extracting(r -> r.regionName())
                    .containsExactlyElementsOf(regions("111111111111"));
            assertThat(c.ec2().describeRegions(r -> r.allRegions(true)).regions())
                    .anySatisfy(r -> {
                        assertThat(r.regionName()).isEqualTo("ap-east-1");
                        assertThat(r.optInStatus()).isEqualTo("not-opted-in");
                    });

            List<Account> accounts = new ArrayList<>();
            c.organizations().listAccountsPaginator(r -> {}).forEach(p -> accounts.addAll(p.accounts()));
            assertThat(accounts)
                    .extracting(a -> a.id() + " " + a.statusAsString())
                    .containsExactly("111111111111 ACTIVE", "222222222222 ACTIVE", "999999999999 SUSPENDED");
        }
        // the credentials an assumed role hands out name the target account
        try (SimClients c = SimClients.noRetries(sim.endpoint(), "333333333333", "eu-west-1")) {
            assertThat(c.sts().getCallerIdentity().account()).isEqualTo("333333333333");
        }
    }

    @Test
    void anOptedOutRegionRejectsTheCredentialsInEachProtocol() {
        try (SimClients c = SimClients.noRetries(sim.endpoint(), "111111111111", "ap-east-1")) {
            assertCode(() -> c.redshift().describeClusters(), "InvalidClientTokenId", 403);
            assertCode(() -> c.ec2().describeSecurityGroups(), "AuthFailure", 401);
            assertCode(() -> c.kms().describeKey(r -> r.keyId("x")), "UnrecognizedClientException", 400);
        }
    }

    @Test
    void faultsAreTheServicesOwnAndRetriesGetThrough() throws IOException {
        SimOptions always = SimOptions.builder().throttleRate(1.0).build();
        try (AwsSimulator throttled = AwsSimulator.start(ESTATE, always)) {
            try (SimClients c = SimClients.noRetries(throttled.endpoint(), "111111111111", "eu-west-1")) {
                assertCode(() -> c.redshift().describeClusters(), "Throttling", 400);
                assertCode(() -> c.ec2().describeSecurityGroups(), "RequestLimitExceeded", 503);
                assertCode(() -> c.serverless().listNamespaces(r -> {}), "ThrottlingException", 400);
            }
            // at most two faults in a row: the SDK's default three attempts always get through
            try (SimClients c = SimClients.of(throttled.endpoint(), "111111111111", "eu-west-1")) {
                assertThat(c.redshift().describeClusters().clusters()).isNotEmpty();
            }
            assertThat(throttled.requests()).extracting(SimRequest::outcome).contains("Throttling", SimRequest.OK);
        }
        SimOptions denied = SimOptions.builder()
                .denyRegion("111111111111", "eu-west-1")
                .denyAction("kms:DescribeKey")
                .serverErrorRate(1.0)
                .maxFaultsInARow(1)
                .build();
        try (AwsSimulator sim2 = AwsSimulator.start(ESTATE, denied);
                SimClients c = SimClients.noRetries(sim2.endpoint(), "111111111111", "eu-west-1");
                SimClients other = SimClients.noRetries(sim2.endpoint(), "111111111111", "us-east-1")) {
            assertCode(() -> c.redshift().describeClusters(), "AccessDenied", 403);
            assertCode(() -> c.serverless().listNamespaces(r -> {}), "AccessDeniedException", 400);
            assertCode(() -> c.ec2().describeSecurityGroups(), "UnauthorizedOperation", 403);
            try (SimClients retrying = SimClients.of(sim2.endpoint(), "111111111111", "eu-west-1")) {
                assertThat(retrying.sts().getCallerIdentity().account())
                        .as("STS is exempt from a region deny")
                        .isEqualTo("111111111111");
            }
            assertCode(() -> other.kms().describeKey(r -> r.keyId("x")), "AccessDeniedException", 400);
            AwsServiceException first =
                    (AwsServiceException) catchSdk(() -> other.redshift().describeClusters());
            assertThat(first.statusCode()).isIn(500, 503);
            assertThat(other.redshift().describeClusters().clusters())
                    .as("the second attempt of the same request")
                    .isNotNull();
        }
    }

    @Test
    void faultsAreTheSameEveryRun() throws IOException {
        SimOptions options = SimOptions.builder()
                .throttleRate(0.3)
                .serverErrorRate(0.1)
                .seed(7)
                .build();
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (AwsSimulator s = AwsSimulator.start(ESTATE, options);
                    SimClients c = SimClients.noRetries(s.endpoint(), "111111111111", "eu-west-1")) {
                for (int i = 0; i < 30; i++) {
                    String marker = "x" + i;
                    catchSdk(() -> c.redshift().describeClusterParameters(r -> r.parameterGroupName(marker)));
                }
                runs.add(s.requests().stream().map(SimRequest::outcome).toList());
            }
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains("Throttling", "ClusterParameterGroupNotFound");
    }

    @Test
    void aSlowServiceTimesAttemptsOutInsteadOfHanging() throws IOException {
        try (AwsSimulator slow = AwsSimulator.start(
                        ESTATE, SimOptions.builder().slowService("kms", 5_000).build());
                SimClients c = SimClients.withAttemptTimeout(
                        slow.endpoint(), "111111111111", "eu-west-1", Duration.ofMillis(200));
                SimClients untimed = SimClients.of(slow.endpoint(), "111111111111", "eu-west-1")) {
            assertThatThrownBy(() -> c.kms().describeKey(r -> r.keyId("x")))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
            // the other services still answer; without the 200 ms limit, which a cold JVM on a busy machine can miss
            assertThat(untimed.redshift().describeClusters().clusters()).isNotEmpty();
        }
    }

    // ---- helpers ----

    private static void assertCode(Runnable call, String code, int status) {
        SdkException e = catchSdk(call);
        assertThat(e).isInstanceOf(AwsServiceException.class);
        AwsServiceException a = (AwsServiceException) e;
        assertThat(a.awsErrorDetails().errorCode()).as(a.getMessage()).isEqualTo(code);
        assertThat(a.statusCode()).as(a.getMessage()).isEqualTo(status);
    }

    private static SdkException catchSdk(Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            return e;
        }
        return null;
    }

    static List<String> accounts() throws IOException {
        try (Stream<Path> s = Files.list(ESTATE)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{12}"))
                    .sorted()
                    .toList();
        }
    }

    static List<String> regions(String account) {
        try (Stream<Path> s = Files.list(ESTATE.resolve(account))) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("sts"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static String decode(Path file, String suffix) {
        String n = file.getFileName().toString();
        return URLDecoder.decode(
                n.substring(0, n.length() - suffix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
