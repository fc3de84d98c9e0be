package io.rsaudit.core.hunt.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three answers an inventory gives about a security group or a KMS key: Redshift's, nobody's, or cannot tell. */
class ResourceUseTest {

    /** The export RSH-CT-008's fixtures hunt with. */
    static final Path EXPORT = Path.of("src/test/resources/io/rsaudit/core/hunt/rules/RSH-CT-008/inventory");

    /** A CloudTrail call of {@code action} ({@code service:Name}) by a user of account 123456789012. */
    private static Event call(String account, String region, String action, Map<String, String> fields) {
        return new Event(
                LogType.CLOUDTRAIL,
                Instant.parse("2024-05-01T10:00:00Z"),
                account,
                region,
                null,
                null,
                "arn:aws:iam::123456789012:user/ops",
                "198.51.100.77",
                action,
                null,
                null,
                null,
                fields,
                new Origin("f.json", 2, 0));
    }

    private static Event ingress(String account, String region, String key, String group) {
        return call(
                account,
                region,
                "ec2:AuthorizeSecurityGroupIngress",
                Map.of("eventName", "AuthorizeSecurityGroupIngress", key, group));
    }

    private static Event ingress(String account, String group) {
        return ingress(account, "eu-west-1", "requestParameters.groupId", group);
    }

    /** The export RSH-CT-024's fixtures hunt with: clusters by key ARN, alias and AWS-owned key, a namespace. */
    static final Path KEYS = Path.of("src/test/resources/io/rsaudit/core/hunt/rules/RSH-CT-024/inventory");

    private static Event keyCall(String keyId) {
        return keyCall("DisableKey", keyId);
    }

    private static Event keyCall(String name, String keyId) {
        return call(
                "123456789012",
                "eu-west-1",
                "kms:" + name,
                Map.of("eventSource", "kms.amazonaws.com", "eventName", name, "requestParameters.keyId", keyId));
    }

    @Test
    void aKeyAClusterOrNamespaceUsesIsRedshiftsWhateverItIsNamedBy() {
        ResourceUse use = ResourceUse.of(new CliJsonSource(KEYS).load());
        Event byArn =
                use.enrich(keyCall("arn:aws:kms:eu-west-1:123456789012:key/11111111-1111-4111-8111-111111111111"));
        assertThat(byArn.field(ResourceUse.ATTACHMENT)).isEqualTo("redshift");
        assertThat(byArn.field(ResourceUse.ATTACHED_TO)).isEqualTo("cluster prod-dw");
        assertThat(byArn.cluster()).isEqualTo("prod-dw");
        // legacy-dw names its key by an alias, which the export's describe-key resolves
        assertThat(use.enrich(keyCall("22222222-2222-4222-8222-222222222222")).field(ResourceUse.ATTACHED_TO))
                .isEqualTo("cluster legacy-dw");
        assertThat(use.enrich(keyCall("33333333-3333-4333-8333-333333333333")).field(ResourceUse.ATTACHED_TO))
                .isEqualTo("namespace analytics");
        assertThat(use.enrich(keyCall("44444444-4444-4444-8444-444444444444")).field(ResourceUse.ATTACHMENT))
                .isEqualTo("none");
        Event alias = keyCall("alias/some-key");
        assertThat(use.enrich(alias)).isSameAs(alias);
        // a call that uses the key, not one that changes it, is left as it is
        Event decrypt = keyCall("Decrypt", "11111111-1111-4111-8111-111111111111");
        assertThat(use.enrich(decrypt)).isSameAs(decrypt);
    }

    private static Event grant(String grantee) {
        return call(
                "123456789012",
                "eu-west-1",
                "kms:CreateGrant",
                Map.of(
                        "eventSource",
                        "kms.amazonaws.com",
                        "eventName",
                        "CreateGrant",
                        "requestParameters.keyId",
                        "11111111-1111-4111-8111-111111111111",
                        "requestParameters.granteePrincipal",
                        grantee));
    }

    @Test
    void onlyAGrantToAnotherAccountIsPlaced() {
        ResourceUse use = ResourceUse.of(new CliJsonSource(KEYS).load());
        assertThat(use.enrich(grant("arn:aws:iam::999999999999:role/partner")).field(ResourceUse.ATTACHED_TO))
                .isEqualTo("cluster prod-dw");
        assertThat(use.enrich(grant("999999999999")).field(ResourceUse.ATTACHMENT))
                .isEqualTo("redshift");
        // the services' own grants and grants within the account are most of a trail's: left as they are
        for (String grantee : new String[] {
            "redshift.eu-west-1.amazonaws.com", "arn:aws:iam::123456789012:role/etl", "AIDA3K7ZHJEHJNCLCVKJI"
        }) {
            Event own = grant(grantee);
            assertThat(use.enrich(own)).as(grantee).isSameAs(own);
        }
    }

    @Test
    void withoutTheNamespacesAKeyNoClusterUsesCannotBeTold(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export");
        copy(KEYS, export);
        Files.delete(export.resolve("123456789012/eu-west-1/redshift-serverless/list-namespaces.json"));
        ResourceUse use = ResourceUse.of(new CliJsonSource(export).load());
        assertThat(use.enrich(keyCall("11111111-1111-4111-8111-111111111111")).field(ResourceUse.ATTACHMENT))
                .isEqualTo("redshift");
        Event unused = keyCall("44444444-4444-4444-8444-444444444444");
        assertThat(use.enrich(unused)).isSameAs(unused);
    }

    @Test
    void aGroupAClusterOrWorkgroupUsesIsRedshiftsAndNamesThem() {
        ResourceUse use = ResourceUse.of(new CliJsonSource(EXPORT).load());
        Event cluster = use.enrich(ingress("123456789012", "sg-1"));
        assertThat(cluster.field(ResourceUse.ATTACHMENT)).isEqualTo("redshift");
        assertThat(cluster.field(ResourceUse.ATTACHED_TO)).isEqualTo("cluster prod-dw");
        assertThat(cluster.cluster()).isEqualTo("prod-dw");
        Event workgroup = use.enrich(ingress("123456789012", "sg-2"));
        assertThat(workgroup.field(ResourceUse.ATTACHED_TO)).isEqualTo("workgroup analytics");
        Event classic = use.enrich(
                ingress("123456789012", "eu-west-1", "requestParameters.clusterSecurityGroupName", "default"));
        assertThat(classic.field(ResourceUse.ATTACHED_TO)).isEqualTo("cluster legacy-dw");
    }

    @Test
    void aGroupNoClusterOrWorkgroupOfAWholeRegionUsesIsNobodys() {
        ResourceUse use = ResourceUse.of(new CliJsonSource(EXPORT).load());
        Event e = use.enrich(ingress("123456789012", "sg-3"));
        assertThat(e.field(ResourceUse.ATTACHMENT)).isEqualTo("none");
        assertThat(e.field(ResourceUse.ATTACHED_TO)).isNull();
        assertThat(e.cluster()).isNull();
    }

    @Test
    void anAccountOrRegionOutsideTheInventoryCannotBeTold() {
        ResourceUse use = ResourceUse.of(new CliJsonSource(EXPORT).load());
        Event otherAccount = ingress("999999999999", "sg-3");
        assertThat(use.enrich(otherAccount)).isSameAs(otherAccount);
        Event otherRegion = ingress("123456789012", "us-east-1", "requestParameters.groupId", "sg-1");
        assertThat(use.enrich(otherRegion)).isSameAs(otherRegion);
    }

    @Test
    void aRegionWhoseWorkgroupsWereNotCollectedCannotProveAGroupUnused(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("export");
        copy(EXPORT, copy);
        Files.delete(copy.resolve("123456789012/eu-west-1/redshift-serverless/list-workgroups.json"));
        Inventory inventory = new CliJsonSource(copy).load();
        assertThat(inventory
                        .workgroupNames(new io.rsaudit.core.model.Scope("123456789012", "eu-west-1"))
                        .isUnknown())
                .isTrue();
        ResourceUse use = ResourceUse.of(inventory);
        Event unused = ingress("123456789012", "sg-3");
        assertThat(use.enrich(unused)).as("sg-3 may be an unseen workgroup's").isSameAs(unused);
        assertThat(use.enrich(ingress("123456789012", "sg-1")).field(ResourceUse.ATTACHMENT))
                .isEqualTo("redshift");
    }

    @Test
    void recordsNamingNoGroupAndOtherLogsPassUnchanged() {
        ResourceUse use = ResourceUse.of(new CliJsonSource(EXPORT).load());
        Event none = ingress("123456789012", "eu-west-1", "requestParameters.clusterIdentifier", "prod-dw");
        assertThat(use.enrich(none)).isSameAs(none);
    }

    @Test
    void aLookupIsAskedOncePerAccountRegionNamingAGroupAndWhatItCannotReachIsANote() {
        Inventory export = new CliJsonSource(EXPORT).load();
        java.util.List<io.rsaudit.core.model.Scope> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ResourceUse use = ResourceUse.lookingUp(scope -> {
            asked.add(scope);
            return scope.account().equals("123456789012")
                    ? InventoryLookup.Answer.of(export)
                    : InventoryLookup.Answer.unreachable("no role");
        });
        Event none = ingress("123456789012", "eu-west-1", "requestParameters.clusterIdentifier", "prod-dw");
        assertThat(use.enrich(none)).isSameAs(none);
        assertThat(asked).as("a record naming no group looks nothing up").isEmpty();

        assertThat(use.enrich(ingress("123456789012", "sg-1")).field(ResourceUse.ATTACHMENT))
                .isEqualTo("redshift");
        assertThat(use.enrich(ingress("123456789012", "sg-3")).field(ResourceUse.ATTACHMENT))
                .isEqualTo("none");
        Event foreign = ingress("999999999999", "sg-4");
        assertThat(use.enrich(foreign)).isSameAs(foreign);
        use.enrich(ingress("999999999999", "sg-5"));
        assertThat(asked)
                .containsExactly(
                        new io.rsaudit.core.model.Scope("123456789012", "eu-west-1"),
                        new io.rsaudit.core.model.Scope("999999999999", "eu-west-1"));
        assertThat(use.notes())
                .containsExactly("inventory lookup of account 999999999999 in eu-west-1: no role; a security group"
                        + " opened to the world, or a KMS key changed, there that no cluster, workgroup or namespace"
                        + " found uses is reported as not placed (RSH-CT-013, RSH-CT-025)");
        assertThat(ResourceUse.of(export).notes()).isEmpty();
    }

    private static Map<String, String> permission(String protocol, String from, String to, String cidr) {
        String at = "requestParameters.ipPermissions.items.0.";
        Map<String, String> f = new java.util.HashMap<>();
        if (protocol != null) {
            f.put(at + "ipProtocol", protocol);
        }
        if (from != null) {
            f.put(at + "fromPort", from);
            f.put(at + "toPort", to);
        }
        f.put(cidr.contains(":") ? at + "ipv6Ranges.items.0.cidrIpv6" : at + "ipRanges.items.0.cidrIp", cidr);
        return f;
    }

    @Test
    void aWorldOpenPermissionReachesAPortInItsRangeOrByAllTraffic() {
        Set<Integer> redshift = Set.of(5439);
        assertThat(ResourceUse.reachesPort(permission("tcp", "5439", "5439", "0.0.0.0/0"), redshift))
                .isTrue();
        assertThat(ResourceUse.reachesPort(permission("tcp", "5000", "6000", "::/0"), redshift))
                .isTrue();
        assertThat(ResourceUse.reachesPort(permission("-1", null, null, "0.0.0.0/0"), redshift))
                .isTrue();
        assertThat(ResourceUse.reachesPort(permission("tcp", "443", "443", "0.0.0.0/0"), redshift))
                .isFalse();
        assertThat(ResourceUse.reachesPort(permission("udp", "5439", "5439", "0.0.0.0/0"), redshift))
                .isFalse();
        // only a world-open permission counts
        assertThat(ResourceUse.reachesPort(permission("tcp", "5439", "5439", "10.0.0.0/8"), redshift))
                .isFalse();
    }

    @Test
    void anUnknownPortOrAPermissionWithoutItsPortsCannotBeTold() {
        assertThat(ResourceUse.reachesPort(permission("tcp", "443", "443", "0.0.0.0/0"), Set.of(-1)))
                .isNull();
        assertThat(ResourceUse.reachesPort(permission("tcp", null, null, "0.0.0.0/0"), Set.of(5439)))
                .isNull();
        assertThat(ResourceUse.reachesPort(permission(null, null, null, "0.0.0.0/0"), Set.of(5439)))
                .isNull();
        assertThat(ResourceUse.reachesPort(permission("tcp", "5439", "5439", "0.0.0.0/0"), Set.of()))
                .isNull();
    }

    /** A copy of the export {@code from}, to change a file of it. */
    private static void copy(Path from, Path copy) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path to = copy.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }
}
