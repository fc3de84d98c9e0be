package io.rsaudit.core.report.junit;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hunt as JUnit XML: one {@code <testcase>} per rule run (class name {@code rsaudit.hunt}, name the rule id and
 * title); a rule that alerted has a {@code <failure>} naming its alerts, one line each, secrets removed. One more
 * test case, {@value #INPUTS}, says whether everything asked for was read and judged: when not, it has an
 * {@code <error>} naming each read problem and each note of what was not judged, so that a dashboard never shows an
 * unread day as all green.
 */
public final class HuntJunitWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    /** The name of the test case that says whether the inputs were read and judged whole. */
    static final String INPUTS = "inputs read and judged";

    private final Writer out;
    private HuntHeader header;
    private final Map<String, List<String>> alertsByRule = new LinkedHashMap<>();

    public HuntJunitWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(HuntHeader header) {
        this.header = header;
        for (Rule r : header.rules()) {
            alertsByRule.put(r.id(), new ArrayList<>());
        }
    }

    @Override
    public void result(Alert a) {
        alertsByRule
                .computeIfAbsent(a.ruleId(), k -> new ArrayList<>())
                .add(a.level().label() + " " + a.first() + " " + Redacted.safe(a.summary()));
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        long failures = alertsByRule.values().stream().filter(l -> !l.isEmpty()).count();
        List<String> unread = unread(summary);
        long errors = unread.isEmpty() ? 0 : 1;
        long tests = alertsByRule.size() + 1L;
        Map<String, String> titles = new LinkedHashMap<>();
        header.rules().forEach(r -> titles.put(r.id(), r.title()));
        Xml x = new Xml(out);
        x.start("testsuites")
                .attr("name", "rsaudit hunt")
                .attr("tests", tests)
                .attr("failures", failures)
                .attr("errors", errors)
                .text("\n");
        x.start("testsuite")
                .attr("name", "rsaudit hunt")
                .attr("tests", tests)
                .attr("failures", failures)
                .attr("errors", errors)
                .attr("skipped", header.idle().size())
                .attr("timestamp", header.startedAt().toString())
                .attr(
                        "time",
                        Duration.between(header.startedAt(), summary.finishedAt())
                                        .toMillis()
                                / 1000.0)
                .text("\n");
        for (Map.Entry<String, List<String>> e : alertsByRule.entrySet()) {
            x.start("testcase")
                    .attr("classname", "rsaudit.hunt")
                    .attr("name", e.getKey() + " " + titles.getOrDefault(e.getKey(), ""));
            List<String> idle = header.idle().get(e.getKey());
            if (idle != null) {
                // a rule a policy list keeps idle ran on nothing: a skipped test, not a passed one
                x.start("skipped")
                        .attr(
                                "message",
                                HuntHeader.idleLines(Map.of(e.getKey(), idle)).get(0))
                        .end();
            }
            if (!e.getValue().isEmpty()) {
                x.start("failure")
                        .attr("message", e.getValue().size() + " alert(s)")
                        .attr("type", "alert")
                        .text(String.join("\n", e.getValue()))
                        .end();
            }
            x.end();
        }
        x.start("testcase").attr("classname", "rsaudit.hunt").attr("name", INPUTS);
        if (!unread.isEmpty()) {
            x.start("error")
                    .attr(
                            "message",
                            "hunt incomplete: " + summary.read().problemCount() + " read problem(s), "
                                    + summary.notes().size() + " note(s)")
                    .attr("type", "incomplete")
                    .text(String.join("\n", unread))
                    .end();
        }
        x.end();
        x.end();
        x.end();
        x.finish();
        out.flush();
    }

    /**
     * When something asked for was not read or judged (whatever the verdict: alerts at the threshold make it
     * FINDINGS even then), each read problem and each note, one line each; otherwise nothing.
     */
    private static List<String> unread(HuntSummary summary) {
        List<String> lines = new ArrayList<>();
        ReadSummary r = summary.read();
        if (!r.partial() && summary.notes().isEmpty()) {
            return lines;
        }
        for (ReadProblem p : r.problems()) {
            lines.add(Describe.problem(p));
        }
        if (r.problemCount() > r.problems().size()) {
            lines.add((r.problemCount() - r.problems().size()) + " more read problem(s)");
        }
        summary.notes().forEach(n -> lines.add(Redacted.safe(n)));
        if (lines.isEmpty()) {
            lines.add("skipped files: " + Describe.reasons(r.skippedFiles()) + "; folders not listed: "
                    + Describe.reasons(r.skippedFolders()));
        }
        return lines;
    }
}
