package io.rsaudit.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.hunt.read.KeyRotationHistory;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyLoader;
import io.rsaudit.core.source.CliJsonSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict of every check on every resource of the example estate (with its CloudTrail history,
 * {@code examples/cloudtrail}), pinned in
 * {@code examples/estate.EXPECTED.tsv} (beside the export, not in it: the export reader reports stray files)
 * and asserted in full: a changed verdict is a conscious, reviewed edit of that file. Regenerate it with
 * {@code -Drsaudit.expected.update=true} and read the diff line by line before committing it.
 */
class ExampleEstateVerdictsTest {

    /** The day after the example estate was collected: ages in the messages are measured from it. */
    static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Path EXPECTED = EXAMPLES.resolve("estate.EXPECTED.tsv");
    private static final String HEADER = "# check\tresource (ARN)\tverdict\n"
            + "# The verdict of every check on every resource of examples/estate (with --cloudtrail examples/cloudtrail)"
            + " under examples/policy.yaml, reviewed by hand.\n"
            + "# Asserted in full by ExampleEstateVerdictsTest (rsaudit-core); a changed verdict is a deliberate edit"
            + " of this file.\n";

    /** The example estate with the key rotations its CloudTrail files record, as {@code scan --cloudtrail} reads it. */
    static Inventory estate() {
        try {
            KeyRotationHistory.Read read = KeyRotationHistory.read(
                    LocalFiles.walk(EXAMPLES.resolve("cloudtrail")).inputs(),
                    List.of(),
                    "--cloudtrail examples/cloudtrail");
            assertThat(read.errors()).as("problems reading examples/cloudtrail").isEmpty();
            Inventory inventory = new CliJsonSource(EXAMPLES.resolve("estate")).load();
            // the files join the estate's own lookup (cloudtrail/lookup-events.json), as scan --cloudtrail does
            return inventory.withRotations(inventory.rotations().merge(read.rotations()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyVerdictOfTheExampleEstateIsTheReviewedOne() throws Exception {
        CheckCatalog catalog = CheckCatalog.builtIn();
        Policy policy = new PolicyLoader(catalog.ids()).load(EXAMPLES.resolve("policy.yaml"));
        List<String> rows = new ArrayList<>();
        new Scan(catalog, policy, Clock.fixed(AS_OF, ZoneOffset.UTC), "test")
                .run(
                        new ScanInput("examples/estate", ExampleEstateVerdictsTest::estate),
                        Severity.HIGH,
                        new ScanListener() {
                            @Override
                            public void started(ScanHeader header) {}

                            @Override
                            public void finding(Finding f) {
                                rows.add(f.check().id() + "\t" + f.resource().arn() + "\t"
                                        + f.result().name());
                            }

                            @Override
                            public void checked(CheckMetadata check, int resources) {}
                        });
        rows.sort(null);
        String actual = HEADER + String.join("\n", rows) + "\n";
        if (Boolean.getBoolean("rsaudit.expected.update")) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .toList();
        // compared as text, one line per verdict, so that a failure reads as a diff
        assertThat(String.join("\n", rows))
                .as("%s (regenerate with -Drsaudit.expected.update=true only for a deliberate change)", EXPECTED)
                .isEqualTo(String.join("\n", expected));
        assertThat(rows)
                .as("every check judges something in the example estate")
                .isNotEmpty();
    }
}
