package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code hunt --inventory-live}: the clusters and workgroups of each account-region whose CloudTrail records open a
 * security group, looked up on the simulator (127.0.0.1) serving RSH-CT-008's inventory (account 123456789012,
 * eu-west-1). The trail opens groups there and one in account 999999999999.
 */
class HuntInventoryLiveTest {

    private static final Path INVENTORY = Path.of(HuntCommandTest.CT_008 + "inventory");
    private static final String TRAIL =
            HuntCommandTest.CT_008 + "123456789012_CloudTrail_eu-west-1_20240501T1000Z_fixture.json";

    @RegisterExtension
    final SimCaller caller = new SimCaller("123456789012");

    @Test
    void theCallersOwnAccountIsLookedUpAsAnExportWouldTellAndAnotherAccountIsANote() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(INVENTORY, SimOptions.defaults())) {
            CliRun live = CliRun.of(hunt(sim));
            CliRun export = CliRun.of("hunt", TRAIL, "--inventory", INVENTORY.toString(), "--format", "json");
            assertThat(alerts(live))
                    .isEqualTo(alerts(export))
                    .containsExactly(
                            "RSH-CT-008 high prod-dw",
                            "RSH-CT-008 high analytics",
                            "RSH-CT-008 high legacy-dw",
                            "RSH-CT-013 low null",
                            // the lookup knows prod-dw's port: all traffic and a range over it reach it, 443 not
                            "RSH-CT-008 high prod-dw",
                            "RSH-CT-008 high prod-dw");
            assertThat(notes(live))
                    .singleElement()
                    .asString()
                    .contains(
                            "account 999999999999 in eu-west-1",
                            "the credentials are account 123456789012's",
                            "--role-name");
            assertThat(live.code()).isEqualTo(1);
            // a lookup that could not be made leaves the hunt incomplete when no alert reaches --fail-on
            assertThat(CliRun.of(hunt(sim, "--fail-on", "critical")).code()).isEqualTo(3);
        }
    }

    /**
     * RSH-CT-024's trail and inventory: the lookup places the keys of clusters and namespaces as the export does, the
     * key a cluster names by an alias included (described in the lookup). A region the simulator does not serve is
     * unplaced, as the export leaves it, and a note says why.
     */
    @Test
    void keysAreLookedUpAsTheExportTells() throws Exception {
        Path inventory = Path.of(HuntCommandTest.CT_024 + "inventory");
        String trail = HuntCommandTest.CT_024 + "123456789012_CloudTrail_eu-west-1_20240501T1000Z_fixture.json";
        try (AwsSimulator sim = AwsSimulator.start(inventory, SimOptions.defaults())) {
            CliRun live = CliRun.of(hunt(trail, sim));
            CliRun export = CliRun.of("hunt", trail, "--inventory", inventory.toString(), "--format", "json");
            assertThat(alerts(live))
                    .isEqualTo(alerts(export))
                    .containsExactly(
                            "RSH-CT-024 high prod-dw",
                            // legacy-dw names its key by an alias
                            "RSH-CT-024 high legacy-dw",
                            "RSH-CT-024 high analytics",
                            // the refused deletion of prod-dw's key
                            "RSH-CT-019 low prod-dw",
                            "RSH-CT-025 low null",
                            "RSH-CT-024 high prod-dw",
                            "RSH-CT-025 low null");
            assertThat(notes(live)).singleElement().asString().contains("eu-central-1", "RegionNotEnabled");
            assertThat(sim.requests())
                    .extracting(SimRequest::operation)
                    .as("the alias is resolved; a key policy and grants are a scan's, not the hunt's")
                    .contains("DescribeKey")
                    .doesNotContain("GetKeyPolicy", "ListGrants");
        }
    }

    @Test
    void aRoleReachesOtherAccountsAndARefusedRoleIsANoteNamingTheAccount() throws Exception {
        SimOptions refused = SimOptions.builder().unassumable("999999999999").build();
        try (AwsSimulator sim = AwsSimulator.start(INVENTORY, refused)) {
            CliRun live = CliRun.of(hunt(sim, "--role-name", "rsaudit-audit"));
            assertThat(alerts(live)).contains("RSH-CT-008 high prod-dw", "RSH-CT-013 low null");
            assertThat(notes(live))
                    .as(live.out())
                    .singleElement()
                    .asString()
                    .contains("account 999999999999 in eu-west-1", "sts:AssumeRole", "AccessDenied");
        }
        try (AwsSimulator sim = AwsSimulator.start(INVENTORY, SimOptions.defaults())) {
            // the simulator's account 999999999999 has no cluster or workgroup: its group is known unused
            CliRun live = CliRun.of(hunt(sim, "--role-name", "rsaudit-audit"));
            assertThat(alerts(live))
                    .containsExactly(
                            "RSH-CT-008 high prod-dw",
                            "RSH-CT-008 high analytics",
                            "RSH-CT-008 high legacy-dw",
                            "RSH-CT-008 high prod-dw",
                            "RSH-CT-008 high prod-dw");
            assertThat(notes(live)).isEmpty();
            assertThat(live.code()).isEqualTo(1);
        }
    }

    @Test
    void aDeniedClusterListLeavesOnlyTheWorkgroupsGroupsPlacedAndNamesTheCall() throws Exception {
        SimOptions denied =
                SimOptions.builder().denyAction("redshift:DescribeClusters").build();
        try (AwsSimulator sim = AwsSimulator.start(INVENTORY, denied)) {
            CliRun live = CliRun.of(hunt(sim));
            List<String> alerts = alerts(live);
            assertThat(alerts).contains("RSH-CT-008 high analytics").doesNotContain("RSH-CT-008 high prod-dw");
            // sg-1 (five world-open rules), sg-3 and sg-4 cannot be placed; the workgroup's 8080 misses its port
            assertThat(alerts.stream().filter(a -> a.startsWith("RSH-CT-013"))).hasSize(7);
            assertThat(notes(live))
                    .anySatisfy(n -> assertThat(n)
                            .contains(
                                    "account 123456789012 in eu-west-1", "redshift:DescribeClusters", "AccessDenied"));
        }
    }

    @Test
    void theLookupsOptionsAreCheckedBeforeAnythingIsRead() {
        CliRun both = CliRun.of("hunt", TRAIL, "--inventory", INVENTORY.toString(), "--inventory-live");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--inventory and --inventory-live are mutually exclusive");
        CliRun role = CliRun.of("hunt", TRAIL, "--role-name", "audit");
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).contains("--role-name needs --inventory-live");
        CliRun bad = CliRun.of("hunt", TRAIL, "--inventory-live", "--role-name", "not a role");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("not an IAM role name");
    }

    private static String[] hunt(AwsSimulator sim, String... more) {
        return hunt(TRAIL, sim, more);
    }

    private static String[] hunt(String trail, AwsSimulator sim, String... more) {
        List<String> all = new ArrayList<>(List.of(
                "hunt",
                trail,
                "--inventory-live",
                "--aws-region",
                "eu-west-1",
                "--endpoint-url",
                sim.endpoint().toString(),
                "--format",
                "json"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> alerts(CliRun run) throws Exception {
        List<String> out = new ArrayList<>();
        new ObjectMapper()
                .readTree(run.out())
                .path("alerts")
                .forEach(a -> out.add(a.path("rule").asText() + " "
                        + a.path("level").asText() + " " + a.path("cluster").asText()));
        return out;
    }

    private static List<String> notes(CliRun run) throws Exception {
        List<String> out = new ArrayList<>();
        JsonNode report = new ObjectMapper().readTree(run.out());
        report.path("notJudged").forEach(n -> out.add(n.asText()));
        return out;
    }
}
