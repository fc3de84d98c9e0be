package io.rsaudit.core.report.junit;

import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan as JUnit XML: a {@code <testsuite>} per check (named by its id, in catalog order), a {@code <testcase>} per
 * resource (named by its ARN, class name the check id). FAIL is a {@code <failure>} and UNKNOWN an {@code <error>},
 * each with the message, the evidence and the fix; NOT_APPLICABLE and suppressed results are {@code <skipped>} with
 * why. Checks that judged no resource have an empty suite.
 */
public final class ScanJunitWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    /** One test case, as much as the XML needs of a finding. */
    private record Case(String arn, Result result, boolean suppressed, String message, String body) {}

    private final Writer out;
    private ScanHeader header;
    private final Map<String, List<Case>> byCheck = new LinkedHashMap<>();

    public ScanJunitWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(ScanHeader header) {
        this.header = header;
        for (CheckMetadata c : header.checks()) {
            byCheck.put(c.id(), new ArrayList<>());
        }
    }

    @Override
    public void result(Finding f) {
        String message;
        String body;
        if (f.isSuppressed()) {
            message = "suppressed: " + f.suppressedBy().reason() + " (" + Describe.outcome(f.result()) + ": "
                    + f.outcome().message() + ")";
            body = "";
        } else {
            message = f.outcome().message();
            body = f.result() == Result.FAIL || f.result() == Result.UNKNOWN
                    ? "severity: " + f.severity().label() + "\nevidence: " + Describe.evidence(f) + "\nfix:\n"
                            + Describe.fix(f)
                            + (f.outcome().reason() == null
                                    ? ""
                                    : "\nreason: " + f.outcome().reason().kind().label())
                    : "";
        }
        byCheck.computeIfAbsent(f.check().id(), k -> new ArrayList<>())
                .add(new Case(f.resource().arn(), f.result(), f.isSuppressed(), message, body));
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        long tests = 0;
        long failures = 0;
        long errors = 0;
        long skipped = 0;
        for (List<Case> cases : byCheck.values()) {
            for (Case c : cases) {
                tests++;
                failures += kind(c).equals("failure") ? 1 : 0;
                errors += kind(c).equals("error") ? 1 : 0;
                skipped += kind(c).equals("skipped") ? 1 : 0;
            }
        }
        double seconds =
                Duration.between(header.startedAt(), summary.finishedAt()).toMillis() / 1000.0;
        Xml x = new Xml(out);
        x.start("testsuites")
                .attr("name", "rsaudit scan")
                .attr("tests", tests)
                .attr("failures", failures)
                .attr("errors", errors)
                .attr("skipped", skipped)
                .attr("time", seconds)
                .text("\n");
        Map<String, String> titles = new LinkedHashMap<>();
        header.checks().forEach(c -> titles.put(c.id(), c.title()));
        for (Map.Entry<String, List<Case>> e : byCheck.entrySet()) {
            List<Case> cases = e.getValue();
            x.start("testsuite")
                    .attr("name", e.getKey() + " " + titles.getOrDefault(e.getKey(), ""))
                    .attr("tests", cases.size())
                    .attr(
                            "failures",
                            cases.stream()
                                    .filter(c -> kind(c).equals("failure"))
                                    .count())
                    .attr(
                            "errors",
                            cases.stream().filter(c -> kind(c).equals("error")).count())
                    .attr(
                            "skipped",
                            cases.stream()
                                    .filter(c -> kind(c).equals("skipped"))
                                    .count())
                    .attr("timestamp", header.startedAt().toString())
                    .text("\n");
            for (Case c : cases) {
                x.start("testcase").attr("classname", e.getKey()).attr("name", c.arn());
                String kind = kind(c);
                if (!kind.isEmpty()) {
                    x.start(kind).attr("message", c.message());
                    if (!kind.equals("skipped")) {
                        x.attr("type", c.result().label());
                        x.text(c.body());
                    }
                    x.end();
                }
                x.end();
            }
            x.end();
        }
        x.end();
        x.finish();
        out.flush();
    }

    private static String kind(Case c) {
        if (c.suppressed() || c.result() == Result.NOT_APPLICABLE) {
            return "skipped";
        }
        return switch (c.result()) {
            case FAIL -> "failure";
            case UNKNOWN -> "error";
            default -> "";
        };
    }
}
