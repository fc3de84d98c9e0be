package io.rsaudit.core.hunt.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hunt service on the bundled example logs: what its listener hears, and the verdict by threshold. */
class HuntTest {

    @TempDir
    Path dir;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theListenerHearsTheHeaderThenTheReadThenEachAlert() throws Exception {
        Hunt hunt = new Hunt(RuleCatalog.builtIn().all(), Policy.defaults(), CLOCK, "test");
        HuntInput input = HuntInput.of(
                List.of("logs"), LocalFiles.walk(Path.of("../examples/logs")).inputs());
        List<String> heard = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        HuntSummary summary = hunt.run(input, ReadOptions.defaults(), Severity.INFO, new HuntListener() {
            @Override
            public void started(HuntHeader header) {
                heard.add("started");
                assertThat(header.rules()).hasSameSizeAs(hunt.rules());
                assertThat(header.inputs()).containsExactly("logs");
            }

            @Override
            public void read(ReadSummary read) {
                heard.add("read " + read.files());
            }

            @Override
            public void alert(Alert alert) {
                assertThat(heard).hasSize(2);
                alerts.add(alert);
            }
        });

        assertThat(heard).hasSize(2).first().isEqualTo("started");
        assertThat(heard.get(1)).isEqualTo("read " + summary.read().files());
        assertThat(summary.alerts()).isEqualTo(alerts.size()).isPositive();
        assertThat(summary.alertsAtThreshold()).isEqualTo(alerts.size());
        assertThat(summary.verdict()).isEqualTo(Verdict.FINDINGS);

        HuntSummary none = hunt.run(input, ReadOptions.defaults(), null, new HuntListener() {});
        assertThat(none.alerts()).isEqualTo(alerts.size());
        assertThat(none.alertsAtThreshold()).isZero();
        assertThat(none.verdict()).isEqualTo(Verdict.CLEAN);
    }

    /**
     * Files the filters leave out unread were not asked for: a daily hunt over a bucket of months is judged whole, not
     * "incomplete". A window that holds no record at all is: logs missing for it are nothing to judge. A file not
     * understood is a partial read.
     */
    @Test
    void filesLeftOutByTheFiltersKeepTheVerdictCleanAWindowWithoutRecordsDoesNot() throws Exception {
        Hunt hunt = new Hunt(RuleCatalog.builtIn().all(), Policy.defaults(), CLOCK, "test");
        Path logs = dir.resolve("logs");
        try (var files = Files.walk(Path.of("../examples/logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy =
                        logs.resolve(Path.of("../examples/logs").relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
        // a month older than the window: left out by its name
        Path old = logs.resolve("AWSLogs/123456789012/redshift/eu-west-1/2026/10/01/"
                + "123456789012_redshift_eu-west-1_prod-dw_connectionlog_2026-10-01T00:00");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "not read\n");
        HuntInput input = HuntInput.of(List.of("logs"), LocalFiles.walk(logs).inputs());
        HuntSummary day = hunt.run(
                input,
                ReadOptions.defaults().withWindow(Instant.parse("2026-11-02T00:00:00Z"), null),
                null,
                new HuntListener() {});
        assertThat(day.read().skippedFiles()).containsOnlyKeys("since");
        assertThat(day.read().events()).isPositive();
        assertThat(day.notes()).isEmpty();
        assertThat(day.verdict()).isEqualTo(Verdict.CLEAN);

        HuntSummary later = hunt.run(
                input,
                ReadOptions.defaults().withWindow(Instant.parse("2030-01-01T00:00:00Z"), null),
                Severity.INFO,
                new HuntListener() {});
        assertThat(later.read().skippedFiles()).containsOnlyKeys("since");
        assertThat(later.notes()).containsExactly(HuntSummary.NOTHING_READ);
        assertThat(later.verdict()).isEqualTo(Verdict.INCOMPLETE);

        Path odd = Files.writeString(dir.resolve("notes.txt"), "not a log\n");
        HuntSummary unknown = hunt.run(
                HuntInput.of(List.of("notes"), List.of(LogInput.of(odd))),
                ReadOptions.defaults(),
                Severity.INFO,
                new HuntListener() {});
        assertThat(unknown.read().skippedFiles()).containsOnlyKeys("unknown-type");
        assertThat(unknown.verdict()).isEqualTo(Verdict.INCOMPLETE);
    }
}
