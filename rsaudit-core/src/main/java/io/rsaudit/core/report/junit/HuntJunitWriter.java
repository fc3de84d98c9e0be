package io.rsaudit.core.report.junit;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
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
 * title); a rule that alerted has a {@code <failure>} naming its alerts, one line each, secrets removed.
 */
public final class HuntJunitWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

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
        Map<String, String> titles = new LinkedHashMap<>();
        header.rules().forEach(r -> titles.put(r.id(), r.title()));
        Xml x = new Xml(out);
        x.start("testsuites")
                .attr("name", "rsaudit hunt")
                .attr("tests", alertsByRule.size())
                .attr("failures", failures)
                .attr("errors", 0)
                .text("\n");
        x.start("testsuite")
                .attr("name", "rsaudit hunt")
                .attr("tests", alertsByRule.size())
                .attr("failures", failures)
                .attr("errors", 0)
                .attr("skipped", 0)
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
            if (!e.getValue().isEmpty()) {
                x.start("failure")
                        .attr("message", e.getValue().size() + " alert(s)")
                        .attr("type", "alert")
                        .text(String.join("\n", e.getValue()))
                        .end();
            }
            x.end();
        }
        x.end();
        x.end();
        x.finish();
        out.flush();
    }
}
