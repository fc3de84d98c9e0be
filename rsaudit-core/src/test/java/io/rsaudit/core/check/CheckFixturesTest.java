package io.rsaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.hunt.read.KeyRotationHistory;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Resource;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.source.CliJsonSource;
import io.rsaudit.core.testing.Fixture;
import io.rsaudit.core.testing.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every fixture of every check: writes the fixture's estate, loads it through the real AWS CLI JSON source
 * (and its policy through the real loader, and its CloudTrail files through the scan's CloudTrail reader), runs the
 * check, and asserts the outcome, the evidence's location and
 * the message.
 */
class CheckFixturesTest {

    private static final CheckCatalog CATALOG = CheckCatalog.builtIn();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyFixtureOfEveryCheck() {
        return CATALOG.all().stream()
                .flatMap(check -> Fixtures.files(check).stream()
                        .map(file -> DynamicTest.dynamicTest(
                                check.id() + "/" + file.getFileName(), () -> run(check, file))));
    }

    private void run(CheckMetadata check, Path file) throws Exception {
        String name = file.getFileName().toString().replaceAll("\\.json$", "");
        Fixture fixture = Fixture.read(name, Files.readAllBytes(file));
        Path dir = Files.createTempDirectory(temp, name);
        Policy policy = fixture.policy(dir, CATALOG);
        Inventory inventory = new CliJsonSource(fixture.writeEstate(dir)).load();
        Path cloudtrail = fixture.writeCloudTrail(dir);
        if (cloudtrail != null) {
            KeyRotationHistory.Read read =
                    KeyRotationHistory.read(LocalFiles.walk(cloudtrail).inputs(), List.of(), "fixture");
            assertThat(read.errors()).as("%s: CloudTrail read problems", name).isEmpty();
            inventory = inventory.withRotations(inventory.rotations().merge(read.rotations()));
        }
        Resource resource = pick(inventory, check, fixture);
        Outcome outcome = check.evaluate(resource, new CheckContext(inventory, policy, fixture.now()));

        assertThat(outcome.result()).as("%s: %s", name, outcome.message()).isEqualTo(fixture.expected());
        if (fixture.field() != null) {
            assertThat(outcome.evidence()).as("%s: evidence", name).isNotNull();
            // CloudTrail evidence names the file as read, below the fixture's temporary folder
            assertThat(outcome.evidence().provenance().toString().replace(dir + File.separator, ""))
                    .as("%s: evidence location", name)
                    .isEqualTo(fixture.field());
        }
        // a full sentence with its values: no empty placeholder, no value printed as null, no doubled separator
        assertThat(outcome.message())
                .as("%s: message without empty placeholders", name)
                .doesNotContain("()")
                .doesNotContainPattern("\\bnull\\b")
                .doesNotContain(": ;")
                .doesNotContain(",,")
                .doesNotContain("  ");
        if (fixture.message() != null) {
            assertThat(outcome.message()).as("%s: message", name).contains(fixture.message());
        }
    }

    private static Resource pick(Inventory inventory, CheckMetadata check, Fixture fixture) {
        List<? extends Resource> candidates = inventory.resources(check.resourceType());
        if (fixture.resource() != null) {
            candidates = candidates.stream()
                    .filter(r -> r.id().name().equals(fixture.resource())
                            || r.id().arn().equals(fixture.resource()))
                    .toList();
        }
        assertThat(candidates)
                .as(
                        "%s: exactly one %s named '%s' in the fixture estate (collection errors: %s)",
                        fixture.name(), check.resourceType(), fixture.resource(), inventory.errors())
                .hasSize(1);
        return candidates.get(0);
    }
}
