package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.hunt.read.KeyRotationHistory;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KeyRotations;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.scan.CheckRunner;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example ({@code examples/estate}, with the CloudTrail history of {@code examples/cloudtrail}, judged
 * against {@code examples/policy.yaml}) stays what
 * {@code examples/README.md} says it is. It reads cleanly apart from its one intended collection failure, it is
 * big enough to be an estate, and every check in the catalog passes somewhere and fails somewhere.
 */
class ExampleEstateTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private static Inventory inventory;
    private static Policy policy;
    private static CheckRunner.Run run;

    @BeforeAll
    static void scan() throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        KeyRotationHistory.Read rotations = KeyRotationHistory.read(
                LocalFiles.walk(EXAMPLES.resolve("cloudtrail")).inputs(), List.of(), "examples/cloudtrail");
        assertThat(rotations.errors())
                .as("problems reading examples/cloudtrail")
                .isEmpty();
        Inventory estate = new CliJsonSource(EXAMPLES.resolve("estate")).load();
        inventory = estate.withRotations(estate.rotations().merge(rotations.rotations()));
        policy = new PolicyLoader(catalog.ids()).load(EXAMPLES.resolve("policy.yaml"));
        run = new CheckRunner(catalog).run(inventory, policy, NOW);
    }

    /**
     * The same records as {@code aws cloudtrail lookup-events} answers them (each record as JSON text in
     * {@code CloudTrailEvent}) give the same key rotations as the trail's files.
     */
    @Test
    void lookupEventsOutputGivesTheRotationsTheTrailsFilesGive(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode events = json.createArrayNode();
        try (var files = Files.walk(EXAMPLES.resolve("cloudtrail"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                for (JsonNode record : json.readTree(f.toFile()).path("Records")) {
                    events.addObject()
                            .put("EventId", record.path("eventID").asText())
                            .put("EventName", record.path("eventName").asText())
                            .put("CloudTrailEvent", json.writeValueAsString(record));
                }
            }
        }
        assertThat(events).hasSizeGreaterThan(5);
        Path lookup = dir.resolve("events.json");
        json.writeValue(lookup.toFile(), json.createObjectNode().set("Events", events));
        KeyRotationHistory.Read trail = KeyRotationHistory.read(
                LocalFiles.walk(EXAMPLES.resolve("cloudtrail")).inputs(), List.of(), "examples/cloudtrail");
        KeyRotationHistory.Read looked =
                KeyRotationHistory.read(List.of(LogInput.of(lookup)), List.of(), "examples/cloudtrail");
        assertThat(looked.errors()).isEmpty();
        assertThat(looked.rotations().covered()).isEqualTo(trail.rotations().covered());
        assertThat(looked.rotations().latest()).hasSameSizeAs(trail.rotations().latest());
        trail.rotations().latest().forEach((cluster, rotation) -> {
            KeyRotations.Rotation same = looked.rotations().latest().get(cluster);
            assertThat(same.time()).isEqualTo(rotation.time());
            // the record's JSON text in lookup-events' answer
            assertThat(same.evidence().location()).isEqualTo(lookup.toString());
            assertThat(same.evidence().pointer()).matches("/Events/\\d+/CloudTrailEvent");
        });
    }

    @Test
    void theOnlyCollectionProblemIsTheIntendedAccessDenied() {
        assertThat(inventory.errors())
                .filteredOn(CollectionError::isWarning)
                .as("warnings")
                .isEmpty();
        assertThat(inventory.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CollectionError.Kind.CALL_FAILED);
            assertThat(e.location())
                    .isEqualTo("222222222222/us-east-1/redshift/describe-logging-status/analytics-sandbox.error");
            assertThat(e.message()).contains("aws redshift describe-logging-status failed", "AccessDenied");
        });
    }

    @Test
    void unknownResultsComeOnlyFromTheIntendedFailure() {
        assertThat(run.findings())
                .filteredOn(f -> f.result() == Result.UNKNOWN)
                .allSatisfy(f -> assertThat(f.resource().name())
                        .as(f.check().id() + " " + f.outcome().message())
                        .isEqualTo("analytics-sandbox"));
    }

    /** The counts examples/README.md gives are the run's: a changed verdict changes that sentence too. */
    @Test
    void theReadmeGivesTheRunsCounts() throws Exception {
        String readme = Files.readString(EXAMPLES.resolve("README.md")).replaceAll("\\s+", " ");
        Map<Result, Long> by = run.findings().stream()
                .collect(Collectors.groupingBy(
                        Finding::result, () -> new EnumMap<>(Result.class), Collectors.counting()));
        long suppressed =
                run.findings().stream().filter(f -> f.suppressedBy() != null).count();
        String expected = String.format(
                Locale.ROOT,
                "the estate gives %d results over %d accounts and %d account-regions: %d pass, %d fail (%d of them"
                        + " suppressed), %d n/a, and %d unknown",
                run.findings().size(),
                inventory.accounts().size(),
                inventory.scopes().size(),
                by.getOrDefault(Result.PASS, 0L),
                by.getOrDefault(Result.FAIL, 0L),
                suppressed,
                by.getOrDefault(Result.NOT_APPLICABLE, 0L),
                by.getOrDefault(Result.UNKNOWN, 0L));
        assertThat(readme).contains(expected);
    }

    @Test
    void isARealisticEstate() {
        assertThat(inventory.accounts()).as("accounts").hasSizeGreaterThanOrEqualTo(2);
        assertThat(inventory.scopes().stream().map(Scope::region).distinct())
                .as("regions")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(inventory.clusters()).as("clusters").hasSizeGreaterThanOrEqualTo(8);
        assertThat(inventory.namespaces()).as("serverless namespaces").isNotEmpty();
        assertThat(inventory.workgroups()).as("serverless workgroups").isNotEmpty();
        assertThat(inventory.serverlessSnapshots()).as("serverless snapshots").isNotEmpty();
    }

    @Test
    void thePolicyUsesEveryOption() {
        assertThat(policy.trustedAccounts()).containsExactlyInAnyOrder("111111111111", "222222222222");
        assertThat(policy.minAutomatedRetentionDays()).isEqualTo(7);
        assertThat(policy.maxManualRetentionDays()).isEqualTo(365);
        assertThat(policy.requireCustomerManagedKeys()).isTrue();
        assertThat(policy.requireFips()).isTrue();
        assertThat(policy.residency().restricted()).containsExactly("EEA");
        assertThat(policy.residency().allowedRoutes()).isNotEmpty();
        assertThat(policy.severityOverrides()).hasSize(1);
        assertThat(policy.suppressions()).hasSize(2);
    }

    @Test
    void showsAnActiveAndAnExpiredSuppression() {
        assertThat(run.internalErrors()).isEmpty();
        assertThat(run.findings())
                .filteredOn(Finding::isSuppressed)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.suppressedBy().expires()).isAfter(TODAY));
        assertThat(run.policyNotices()).anySatisfy(n -> assertThat(n).contains("expired on 2025-01-31"));
    }

    @Test
    void everyCheckPassesSomewhereAndFailsSomewhere() {
        Map<String, Set<Result>> seen = new TreeMap<>();
        for (CheckMetadata check : CheckCatalog.builtIn().all()) {
            seen.put(check.id(), EnumSet.noneOf(Result.class));
        }
        for (Finding f : run.findings()) {
            seen.get(f.check().id()).add(f.result());
        }
        List<String> lacking = new ArrayList<>();
        seen.forEach((id, results) -> {
            List<String> missing = new ArrayList<>();
            if (!results.contains(Result.PASS)) {
                missing.add("PASS");
            }
            if (!results.contains(Result.FAIL)) {
                missing.add("FAIL");
            }
            if (!missing.isEmpty()) {
                lacking.add(id + " has no " + String.join(" and no ", missing) + " (results: " + results + ")");
            }
        });
        assertThat(lacking)
                .as("checks the example does not show both ways (see the coverage matrix in" + " examples/README.md)")
                .isEmpty();
    }
}
