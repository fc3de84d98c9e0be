package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports of the example runs opened in headless Chromium: no console errors, the counts shown are the
 * JSON report's, and a filter changes the rows shown. Screenshots go to {@code target/html-report-*.png}. Without a
 * Chromium on this machine the test is skipped and says so; under CI ({@code CI=true}), where {@code .ci/run}
 * installs it, a missing browser fails the test instead.
 */
class HtmlBrowserTest {

    static Path browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void findBrowser() {
        Optional<Path> found = Cdp.findBrowser();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no chromium on PATH: .ci/run installs it");
        }
        Assumptions.assumeTrue(
                found.isPresent(),
                "SKIPPED: no chromium on PATH (apt-get install chromium) - the HTML browser test" + " did not run");
        browser = found.get();
    }

    @Test
    void theScanReportShowsTheJsonCountsAndFilters() throws Exception {
        Path page = dir.resolve("scan.html");
        Files.writeString(page, ExampleRuns.scan("html"), StandardCharsets.UTF_8);
        JsonNode summary = new ObjectMapper().readTree(ExampleRuns.scan("json")).path("summary");
        try (Cdp cdp = new Cdp(browser, Path.of(System.getProperty("java.io.tmpdir")))) {
            cdp.open(page);
            JsonNode results = summary.path("results");
            for (String k : new String[] {"pass", "fail", "unknown", "not_applicable", "suppressed"}) {
                assertThat(cdp.eval("document.getElementById('count-" + k + "').textContent")
                                .asText())
                        .as(k)
                        .isEqualTo(results.path(k).asText());
            }
            assertThat(cdp.eval("document.getElementById('count-findings').textContent")
                            .asText())
                    .isEqualTo(summary.path("findings").asText());
            int all = cdp.eval("document.querySelectorAll('tr.row:not([hidden])').length")
                    .asInt();
            assertThat(all).isEqualTo(summary.path("findings").asInt());
            assertThat(cdp.eval("document.getElementById('shown').textContent").asInt())
                    .isEqualTo(all);
            int failing = cdp.eval(filter("outcome", "fail")).asInt();
            assertThat(failing)
                    .isEqualTo(results.path("fail").asInt() + suppressedFails())
                    .isLessThan(all);
            assertThat(cdp.eval("document.getElementById('shown').textContent").asInt())
                    .isEqualTo(failing);
            int fsbpFailing = cdp.eval(filter("framework", "fsbp")).asInt();
            assertThat(fsbpFailing).isPositive().isLessThanOrEqualTo(failing);
            cdp.eval(filter("outcome", ""));
            cdp.eval(filter("framework", ""));
            cdp.screenshot(Path.of("target/html-report-scan.png"));
            assertThat(cdp.errors()).as("console errors").isEmpty();
        }
    }

    @Test
    void theHuntReportShowsTheJsonCountsAndFilters() throws Exception {
        Path page = dir.resolve("hunt.html");
        Files.writeString(page, ExampleRuns.hunt("html"), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(ExampleRuns.hunt("json"));
        try (Cdp cdp = new Cdp(browser, Path.of(System.getProperty("java.io.tmpdir")))) {
            cdp.open(page);
            assertThat(cdp.eval("document.getElementById('count-alerts').textContent")
                            .asInt())
                    .isEqualTo(json.path("alerts").size());
            assertThat(cdp.eval("document.querySelectorAll('#timeline circle').length")
                            .asInt())
                    .isEqualTo(json.path("alerts").size());
            int all = cdp.eval("document.querySelectorAll('tr.row:not([hidden])').length")
                    .asInt();
            assertThat(all).isEqualTo(json.path("alerts").size());
            long critical = java.util.stream.StreamSupport.stream(
                            json.path("alerts").spliterator(), false)
                    .filter(a -> a.path("level").asText().equals("critical"))
                    .count();
            assertThat(cdp.eval(filter("level", "critical")).asLong())
                    .isEqualTo(critical)
                    .isLessThan(all);
            cdp.eval(filter("level", ""));
            cdp.screenshot(Path.of("target/html-report-hunt.png"));
            assertThat(cdp.errors()).as("console errors").isEmpty();
        }
    }

    /** Chooses {@code value} in the filter {@code key} as a person would, and counts the rows then shown. */
    static String filter(String key, String value) {
        return "(() => { const s = document.querySelector('select[data-filter=" + key + "]'); s.value = '" + value
                + "'; s.dispatchEvent(new Event('change')); return document.querySelectorAll('tr.row:not([hidden])')"
                + ".length; })()";
    }

    /** Suppressed findings that fail: their rows say 'fail' too (the JSON counts them as suppressed). */
    static int suppressedFails() throws Exception {
        int n = 0;
        for (JsonNode f : new ObjectMapper().readTree(ExampleRuns.scan("json")).path("findings")) {
            if (f.has("suppressed") && f.path("outcome").asText().equals("fail")) {
                n++;
            }
        }
        return n;
    }
}
