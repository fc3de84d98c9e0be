package io.rsaudit.core.report.text;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Terminal;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hunt report a person reads: alerts by level, most severe first, with their evidence; then what was read. The
 * alerts are kept until the summary (the engine bounds them per rule), since they are printed by level.
 */
public final class HuntTextWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    private final Writer w;
    private HuntHeader header;
    private final List<Alert> alerts = new ArrayList<>();

    public HuntTextWriter(Writer w) {
        this.w = w;
    }

    @Override
    public void header(HuntHeader header) throws IOException {
        this.header = header;
        line(w, "rsaudit " + header.toolVersion() + "  hunt of " + String.join(", ", header.inputs()));
        line(
                w,
                "policy: " + header.policy() + "    rules: " + header.rules().size() + "    fail on: "
                        + (header.failOn() == null ? "nothing" : header.failOn().label() + " and above"));
        for (String idle : header.idleLines()) {
            line(w, "idle: " + idle);
        }
        line(w, "");
    }

    @Override
    public void result(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        Severity[] levels = Severity.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            Severity level = levels[i];
            List<Alert> atLevel =
                    alerts.stream().filter(a -> a.level() == level).toList();
            if (atLevel.isEmpty()) {
                continue;
            }
            line(w, level.name() + " (" + atLevel.size() + ")");
            for (Alert a : atLevel) {
                alert(w, a);
            }
        }
        if (alerts.isEmpty()) {
            line(w, "No alerts.");
            line(w, "");
        }
        read(w, summary.read());
        for (String n : summary.notes()) {
            line(w, "not judged: " + n);
        }
        if (!summary.notes().isEmpty()) {
            line(w, "");
        }
        Severity failOn = header.failOn();
        line(
                w,
                "Verdict: "
                        + switch (summary.verdict()) {
                            case FINDINGS ->
                                "FAIL: " + summary.alertsAtThreshold() + " alert(s) at or above " + failOn.label();
                            case INCOMPLETE ->
                                "INCOMPLETE: no alert at or above "
                                        + (failOn == null ? "the threshold" : failOn.label())
                                        + ", but reading or judging was partial (see above)";
                            default ->
                                "PASS: no alert at or above " + (failOn == null ? "the threshold" : failOn.label());
                        });
        w.flush();
    }

    private static void alert(Writer w, Alert a) throws IOException {
        line(w, "  " + a.ruleId() + "  " + a.title());
        line(w, "    when:     " + span(a.first(), a.last()));
        line(w, "    who:      " + or(a.actor()) + "    from: " + or(a.sourceAddress()));
        line(
                w,
                "    where:    " + (a.cluster() == null ? "" : "cluster " + or(a.cluster()) + ", ") + "account "
                        + or(a.account()) + ", region " + or(a.region()));
        line(w, "    what:     " + Redacted.safe(a.summary()));
        line(w, "    ATT&CK:   " + String.join(" ", a.tags()));
        line(
                w,
                "    evidence: " + a.eventCount() + " record(s)"
                        + (a.eventCount() > a.evidence().size()
                                ? ", the first " + a.evidence().size() + " shown"
                                : ""));
        for (Event e : a.evidence()) {
            line(w, "      " + e.origin() + "  " + Redacted.describe(e));
            StringBuilder details = new StringBuilder();
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                if (!f.getKey().equals("redactions")) {
                    details.append(details.length() == 0 ? "        " : "  ")
                            .append(f.getKey())
                            .append('=')
                            .append(Redacted.detail(f.getValue()));
                }
            }
            if (details.length() > 0) {
                line(w, details.toString());
            }
        }
        line(w, "");
    }

    private static void read(Writer w, ReadSummary s) throws IOException {
        line(w, "Read: " + Describe.read(s));
        if (!s.skippedFiles().isEmpty()) {
            line(w, "Skipped files: " + Describe.reasons(s.skippedFiles()));
        }
        if (!s.skippedFolders().isEmpty()) {
            line(w, "Folders not listed: " + Describe.reasons(s.skippedFolders()));
        }
        line(w, "Time range: " + (s.first() == null ? "none (no record read)" : span(s.first(), s.last())));
        if (s.problemCount() > 0) {
            line(w, "Problems (" + s.problemCount() + "):");
            for (ReadProblem p : s.problems()) {
                line(w, "  " + Describe.problem(p));
            }
        }
        line(w, "");
    }

    static String span(Instant first, Instant last) {
        if (first == null) {
            return "unknown";
        }
        return first.equals(last) ? first.toString() : first + " .. " + last;
    }

    private static String or(String s) {
        return s == null ? "-" : Redacted.safe(s);
    }

    /**
     * One line; the hunt's text report has no colour, so the whole line is escaped for the terminal (every value in
     * it that came from a log can hold control or bidi characters).
     */
    private static void line(Writer w, String s) throws IOException {
        w.write(Terminal.escape(s));
        w.write('\n');
    }
}
