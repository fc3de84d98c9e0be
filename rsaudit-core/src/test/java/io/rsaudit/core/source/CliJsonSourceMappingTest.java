package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.model.Trail;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the AWS CLI output maps to the model: references followed, defaults applied and marked, shapes read. */
class CliJsonSourceMappingTest {

    static final String KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String R = "111111111111/eu-west-1/";

    @TempDir
    Path dir;

    /** An estate whose cluster {@code a} is encrypted under {@link #KEY}. */
    private Estate clusterUsingKey() {
        return Estate.in(dir)
                .json(
                        R + "redshift/describe-clusters.json",
                        "{'Clusters': [{'ClusterIdentifier': 'a', 'Encrypted': true, 'KmsKeyId': '" + KEY + "'}]}");
    }

    @Test
    void keysAreFollowedFromEveryReferrerAndReadOnce() {
        Inventory inv = clusterUsingKey()
                .json(
                        R + "redshift/describe-cluster-snapshots.json",
                        "{'Snapshots': [{'SnapshotIdentifier': 's1',"
                                + " 'ClusterIdentifier': 'a', 'SnapshotType': 'manual', 'KmsKeyId': '" + KEY + "'}]}")
                .json(
                        R + "kms/describe-key/1234abcd-12ab-34cd-56ef-1234567890ab.json",
                        "{'KeyMetadata': {"
                                + "'KeyId': '1234abcd-12ab-34cd-56ef-1234567890ab', 'Arn': '" + KEY
                                + "', 'KeyManager': 'CUSTOMER',"
                                + " 'KeyState': 'Enabled', 'Origin': 'AWS_KMS', 'KeySpec': 'SYMMETRIC_DEFAULT'}}")
                .json(
                        R + "kms/get-key-rotation-status/1234abcd-12ab-34cd-56ef-1234567890ab.json",
                        "{'KeyRotationEnabled': true, 'RotationPeriodInDays': 365}")
                .text(R + "kms/get-key-policy/1234abcd-12ab-34cd-56ef-1234567890ab.json", """
                        {"Policy": "{\\"Statement\\": {\\"Sid\\": \\"Root\\", \\"Effect\\": \\"Allow\\",\
                         \\"Principal\\": {\\"AWS\\": \\"arn:aws:iam::111111111111:root\\"}, \\"Action\\": \\"kms:*\\"}}",
                         "PolicyName": "default"}""")
                .load();
        assertThat(inv.kmsKeys()).singleElement().satisfies(k -> {
            assertThat(k.id().arn()).isEqualTo(KEY);
            assertThat(k.metadata().value().isCustomerManaged()).isTrue();
            assertThat(k.rotationEnabled().value()).isTrue();
            assertThat(k.rotationPeriodInDays().value()).isEqualTo(365);
            // one Statement object, read as a list of one; a single string where IAM takes a list, as a list
            assertThat(k.policy().provenance().toString())
                    .isEqualTo(R + "kms/get-key-policy/1234abcd-12ab-34cd-56ef-1234567890ab.json#/Policy");
            assertThat(k.policy().value().statements()).singleElement().satisfies(st -> {
                assertThat(st.label()).isEqualTo("statement \"Root\"");
                assertThat(st.isAllow()).isTrue();
                assertThat(st.principal()).containsExactly(Map.entry("AWS", List.of("arn:aws:iam::111111111111:root")));
                assertThat(st.covers("kms:Decrypt")).isTrue();
            });
            assertThat(k.usedBy())
                    .containsExactly(
                            "arn:aws:redshift:eu-west-1:111111111111:cluster:a",
                            "arn:aws:redshift:eu-west-1:111111111111:snapshot:a/s1");
        });
        KmsKey viaCluster = inv.key(new Scope("111111111111", "eu-west-1"), KEY).value();
        assertThat(viaCluster.usedBy()).hasSize(2);
    }

    @Test
    void aKeyWhoseFilesWereNotCollectedIsUnknownNamingTheFile() {
        Inventory inv = clusterUsingKey().load();
        KmsKey key = inv.kmsKeys().get(0);
        assertThat(key.metadata().status()).isEqualTo(Status.UNKNOWN);
        assertThat(key.metadata().note())
                .isEqualTo(
                        "not collected: " + R + "kms/describe-key/1234abcd-12ab-34cd-56ef-1234567890ab.json is absent");
        assertThat(key.policy().reason().kind()).isEqualTo(Reason.Kind.NOT_COLLECTED);
        assertThat(key.policy().note())
                .isEqualTo("not collected: " + R
                        + "kms/get-key-policy/1234abcd-12ab-34cd-56ef-1234567890ab.json is absent");
    }

    /**
     * A key of 222222222222 that a cluster of 111111111111 names too: 111111111111's export cannot hold its policy
     * and grants, the key's own account's does, and the one key of the inventory keeps those, whichever reference came
     * first.
     */
    @Test
    void aKeyOfAnotherAccountHasThePolicyAndGrantsItsOwnAccountRead() {
        String id = "2222bbbb-2222-4222-8222-222222222222";
        String arn = "arn:aws:kms:eu-west-1:222222222222:key/" + id;
        String cluster = "{'Clusters': [{'ClusterIdentifier': 'a', 'Encrypted': true, 'KmsKeyId': '" + arn + "'}]}";
        String policy = "{'PolicyName': 'default', 'Policy': '{\\'Statement\\': []}'}";
        Inventory inv = Estate.in(dir)
                .json(R + "redshift/describe-clusters.json", cluster)
                .json("222222222222/eu-west-1/redshift/describe-clusters.json", cluster)
                // as 111111111111's collection would have left it: a policy file it was never asked to write
                .json(R + "kms/get-key-policy/" + id + ".json", policy.replace("[]", "[{}]"))
                .json("222222222222/eu-west-1/kms/get-key-policy/" + id + ".json", policy)
                .json("222222222222/eu-west-1/kms/list-grants/" + id + ".json", "{'Grants': [], 'Truncated': false}")
                .load();
        assertThat(inv.kmsKeys()).singleElement().satisfies(k -> {
            assertThat(k.usedBy()).hasSize(2);
            assertThat(k.policy().provenance().toString())
                    .isEqualTo("222222222222/eu-west-1/kms/get-key-policy/" + id + ".json#/Policy");
            assertThat(k.policy().value().statements()).isEmpty();
            assertThat(k.grants().value()).isEmpty();
        });
    }

    @Test
    void aKeyPolicyThatIsNotJsonIsUnknownAndAnInvalidValueNamingThePolicy() {
        Inventory inv = clusterUsingKey()
                .json(
                        R + "kms/get-key-policy/1234abcd-12ab-34cd-56ef-1234567890ab.json",
                        "{'Policy': '{Statement', 'PolicyName': 'default'}")
                .load();
        String at = R + "kms/get-key-policy/1234abcd-12ab-34cd-56ef-1234567890ab.json#/Policy";
        KmsKey key = inv.kmsKeys().get(0);
        assertThat(key.policy().reason().kind()).isEqualTo(Reason.Kind.UNREADABLE);
        assertThat(key.policy().note()).startsWith("the key policy at " + at + " cannot be read: it is not JSON (");
        assertThat(inv.errors())
                .filteredOn(e -> e.kind() == CollectionError.Kind.INVALID_VALUE)
                .singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo(at));
    }

    /** Grants saved page by page are joined; an entry names its grantee at its place in its page. */
    @Test
    void aKeysGrantsAreReadFromEveryPage() {
        String grants = R + "kms/list-grants/1234abcd-12ab-34cd-56ef-1234567890ab";
        Inventory inv = clusterUsingKey()
                .json(
                        grants + ".page-1.json",
                        "{'Grants': [{'GrantId': 'g1', 'GranteePrincipal': 'redshift.eu-west-1.amazonaws.com',"
                                + " 'Operations': ['Decrypt', 'RetireGrant']}],"
                                + " 'NextMarker': 'm2', 'Truncated': true}")
                .json(
                        grants + ".page-2.json",
                        "{'Grants': [{'GrantId': 'g2', 'GranteePrincipal': 'arn:aws:iam::333333333333:role/r',"
                                + " 'RetiringPrincipal': '333333333333', 'Operations': ['Decrypt']}],"
                                + " 'Truncated': false}")
                .load();
        assertThat(inv.errors()).noneMatch(e -> e.location().contains("list-grants"));
        assertThat(inv.kmsKeys().get(0).grants().value())
                .satisfiesExactly(
                        g -> {
                            assertThat(g.grantId()).isEqualTo("g1");
                            assertThat(g.retiringPrincipal().value()).isNull();
                            assertThat(g.operations().value()).containsExactly("Decrypt", "RetireGrant");
                        },
                        g -> {
                            assertThat(g.granteePrincipal().value()).isEqualTo("arn:aws:iam::333333333333:role/r");
                            assertThat(g.granteePrincipal().provenance().toString())
                                    .isEqualTo(grants + ".page-2.json#/Grants/0/GranteePrincipal");
                            assertThat(g.retiringPrincipal().value()).isEqualTo("333333333333");
                        });
    }

    /**
     * A list saved with Truncated true (a page of {@code --no-paginate}) is not the whole list, even without a
     * NextMarker: the grants are unknown, and the missing pages are a collection error.
     */
    @Test
    void truncatedGrantsAreUnknownAndANotCollectedError() {
        String file = R + "kms/list-grants/1234abcd-12ab-34cd-56ef-1234567890ab.json";
        Inventory inv = clusterUsingKey()
                .json(
                        file,
                        "{'Grants': [{'GrantId': 'g1', 'GranteePrincipal': 'x', 'Operations': []}], 'Truncated': true}")
                .load();
        KmsKey key = inv.kmsKeys().get(0);
        assertThat(key.grants().reason().kind()).isEqualTo(Reason.Kind.UNREADABLE);
        assertThat(key.grants().note()).isEqualTo("only partly read: " + file + " (see the collection errors)");
        assertThat(inv.errors())
                .filteredOn(e -> e.location().contains("list-grants"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(CollectionError.Kind.NOT_COLLECTED);
                    assertThat(e.location()).isEqualTo(file + "#/Truncated");
                    assertThat(e.message()).startsWith("the last page says more follow (Truncated is true)");
                });
    }

    @Test
    void awsOwnedAndAwsManagedAliasesNeedNoLookup() {
        Inventory inv = Estate.in(dir)
                .json(
                        R + "redshift-serverless/list-namespaces.json",
                        "{'namespaces': [{'namespaceName': 'n1',"
                                + " 'kmsKeyId': 'AWS_OWNED_KMS_KEY'}, {'namespaceName': 'n2', 'kmsKeyId': 'alias/aws/redshift'}]}")
                .load();
        assertThat(inv.namespaces()).hasSize(2);
        assertThat(inv.kmsKeys()).isEmpty();
    }

    @Test
    void s3LoggingWithoutExportsIsDefaultedToAllThreeLogsAndSaysSo() {
        Inventory inv = Estate.in(dir)
                .json(R + "redshift/describe-clusters.json", "{'Clusters': [{'ClusterIdentifier': 'a'}]}")
                .json(
                        R + "redshift/describe-logging-status/a.json",
                        "{'LoggingEnabled': true, 'BucketName': 'logs',"
                                + " 'S3KeyPrefix': 'rs/', 'LastSuccessfulDeliveryTime': '2026-05-01T10:00:00.123000+00:00'}")
                .load();
        LoggingStatus l = inv.logging(inv.clusters().get(0)).value();
        assertThat(l.destinationType().status()).isEqualTo(Status.DEFAULTED);
        assertThat(l.destinationType().value()).isEqualTo("s3");
        assertThat(l.logExports().status()).isEqualTo(Status.DEFAULTED);
        assertThat(l.logExports().value()).containsExactly("connectionlog", "userlog", "useractivitylog");
        assertThat(l.lastSuccessfulDelivery().value()).isEqualTo(Instant.parse("2026-05-01T10:00:00.123Z"));
    }

    @Test
    void timestampsAreReadInEveryShapeTheCliPrints() {
        Inventory inv = Estate.in(dir)
                .json(
                        R + "redshift/describe-cluster-snapshots.json",
                        "{'Snapshots': ["
                                + "{'SnapshotIdentifier': 'iso', 'SnapshotCreateTime': '2026-01-02T03:04:05Z'},"
                                + "{'SnapshotIdentifier': 'offset', 'SnapshotCreateTime': '2026-01-02T04:04:05+01:00'},"
                                + "{'SnapshotIdentifier': 'local', 'SnapshotCreateTime': '2026-01-02T03:04:05'},"
                                + "{'SnapshotIdentifier': 'epoch', 'SnapshotCreateTime': 1767323045.0}]}")
                .load();
        assertThat(inv.clusterSnapshots())
                .allSatisfy(s -> assertThat(s.createTime().value())
                        .as(s.id().name())
                        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void absentOptionalMembersAreNotSetAndAbsentDefaultsAreMarked() {
        Inventory inv = Estate.in(dir)
                .json(R + "redshift/describe-clusters.json", "{'Clusters': [{'ClusterIdentifier': 'a'}]}")
                .load();
        Cluster c = inv.clusters().get(0);
        assertThat(c.masterPasswordSecretArn().status()).isEqualTo(Status.KNOWN);
        assertThat(c.masterPasswordSecretArn().value()).isNull();
        assertThat(c.snapshotCopy().value()).isNull();
        assertThat(c.manualSnapshotRetentionPeriod().status()).isEqualTo(Status.DEFAULTED);
        assertThat(c.manualSnapshotRetentionPeriod().value()).isEqualTo(-1);
        assertThat(c.encrypted().status()).isEqualTo(Status.UNKNOWN);
        assertThat(c.encrypted().note()).contains("'Encrypted' is absent");
        assertThat(c.port().status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void trailsAreReadOnceWithStatusAndSelectorsFromTheirHomeRegion() {
        String trail =
                "{'trailList': [{'Name': 'org', 'TrailARN': 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/org',"
                        + " 'HomeRegion': 'eu-west-1', 'IsMultiRegionTrail': true, 'LogFileValidationEnabled': true,"
                        + " 'HasCustomEventSelectors': true}]}";
        Inventory inv = Estate.in(dir)
                .json(R + "cloudtrail/describe-trails.json", trail)
                .json("111111111111/us-east-1/cloudtrail/describe-trails.json", trail)
                .json(R + "cloudtrail/get-trail-status/org.json", "{'IsLogging': true}")
                .json(
                        R + "cloudtrail/get-event-selectors/org.json",
                        "{'TrailARN': 'x', 'AdvancedEventSelectors': [{"
                                + "'Name': 'mgmt', 'FieldSelectors': [{'Field': 'eventCategory', 'Equals': ['Management']}]}]}")
                .load();
        List<Trail> trails = inv.accounts().get(0).trails().value();
        assertThat(trails).singleElement().satisfies(t -> {
            assertThat(t.origin().location()).isEqualTo(R + "cloudtrail/describe-trails.json");
            assertThat(t.isLogging().value()).isTrue();
            assertThat(t.eventSelectors().value().advanced())
                    .singleElement()
                    .satisfies(a -> assertThat(a.equalsFor("eventCategory")).containsExactly("Management"));
        });
    }

    @Test
    void workgroupConfigParametersAndPortAreRead() {
        Inventory inv = Estate.in(dir)
                .json(
                        R + "redshift-serverless/list-workgroups.json",
                        "{'workgroups': [{'workgroupName': 'wg',"
                                + " 'namespaceName': 'ns', 'publiclyAccessible': false, 'enhancedVpcRouting': true,"
                                + " 'configParameters': [{'parameterKey': 'require_ssl', 'parameterValue': 'true'}],"
                                + " 'endpoint': {'address': 'wg.example', 'port': 5440}, 'securityGroupIds': ['sg-1']}]}")
                .load();
        var w = inv.workgroups().get(0);
        assertThat(w.configParameters().value().get("require_ssl").value()).isEqualTo("true");
        assertThat(w.configParameters().value().get("require_ssl").provenance().pointer())
                .isEqualTo("/workgroups/0/configParameters/0/parameterValue");
        assertThat(w.port().value()).isEqualTo(5440);
        assertThat(w.securityGroupIds().value()).containsExactly("sg-1");
    }
}
