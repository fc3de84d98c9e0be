package io.rsaudit.core.hunt.report;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The hunt report a person reads: alerts by level, most severe first, with their evidence; then what was read. */
public final class HuntTextReporter {

    public void write(HuntReport report, Writer w) throws IOException {
        line(w, "rsaudit " + report.toolVersion() + "  hunt of " + String.join(", ", report.inputs()));
        line(
                w,
                "policy: " + report.policy() + "    rules: " + report.rules().size() + "    fail on: "
                        + (report.failOn() == null ? "nothing" : report.failOn().label() + " and above"));
        line(w, "");
        Severity[] levels = Severity.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            Severity level = levels[i];
            List<Alert> alerts =
                    report.alerts().stream().filter(a -> a.level() == level).toList();
            if (alerts.isEmpty()) {
                continue;
            }
            line(w, level.name() + " (" + alerts.size() + ")");
            for (Alert a : alerts) {
                alert(w, a);
            }
        }
        if (report.alerts().isEmpty()) {
            line(w, "No alerts.");
            line(w, "");
        }
        read(w, report.read());
        for (String n : report.notes()) {
            line(w, "not judged: " + n);
        }
        if (!report.notes().isEmpty()) {
            line(w, "");
        }
        line(
                w,
                "Verdict: "
                        + switch (report.verdict()) {
                            case FINDINGS ->
                                "FAIL: " + report.alertsAtThreshold() + " alert(s) at or above "
                                        + report.failOn().label();
                            case INCOMPLETE ->
                                "INCOMPLETE: no alert at or above "
                                        + (report.failOn() == null
                                                ? "the threshold"
                                                : report.failOn().label())
                                        + ", but reading or judging was partial (see above)";
                            default ->
                                "PASS: no alert at or above "
                                        + (report.failOn() == null
                                                ? "the threshold"
                                                : report.failOn().label());
                        });
        w.flush();
    }

    private static void alert(Writer w, Alert a) throws IOException {
        line(w, "  " + a.ruleId() + "  " + a.title());
        line(w, "    when:     " + span(a.first(), a.last()));
        line(w, "    who:      " + or(a.actor()) + "    from: " + or(a.sourceAddress()));
        line(
                w,
                "    where:    cluster " + or(a.cluster()) + ", account " + or(a.account()) + ", region "
                        + or(a.region()));
        line(w, "    what:     " + HuntReport.safe(a.summary()));
        line(w, "    ATT&CK:   " + String.join(" ", a.tags()));
        line(
                w,
                "    evidence: " + a.eventCount() + " record(s)"
                        + (a.eventCount() > a.evidence().size()
                                ? ", the first " + a.evidence().size() + " shown"
                                : ""));
        for (Event e : a.evidence()) {
            line(w, "      " + e.origin() + "  " + HuntReport.describe(e));
        }
        line(w, "");
    }

    private static void read(Writer w, ReadSummary s) throws IOException {
        StringBuilder b = new StringBuilder("Read: " + s.files() + " file(s), " + s.bytes() + " byte(s), "
                + s.records() + " record(s), " + s.events() + " event(s), " + s.filteredTotal() + " filtered"
                + reasons(s.filtered()) + ", " + s.malformed() + " malformed");
        line(w, b.toString());
        if (!s.skippedFiles().isEmpty()) {
            line(w, "Skipped files:" + reasons(s.skippedFiles()));
        }
        line(w, "Time range: " + (s.first() == null ? "none (no record read)" : span(s.first(), s.last())));
        if (s.problemCount() > 0) {
            line(w, "Problems (" + s.problemCount() + "):");
            for (ReadProblem p : s.problems()) {
                line(
                        w,
                        "  " + p.origin() + "  " + p.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
                                + HuntReport.safe(p.message()));
            }
        }
        line(w, "");
    }

    private static String reasons(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        new TreeMap<>(counts)
                .forEach((k, v) -> b.append(b.length() > 2 ? ", " : "")
                        .append(k)
                        .append(' ')
                        .append(v));
        return b.append(')').toString();
    }

    static String span(Instant first, Instant last) {
        if (first == null) {
            return "unknown";
        }
        return first.equals(last) ? first.toString() : first + " .. " + last;
    }

    private static String or(String s) {
        return s == null ? "-" : HuntReport.safe(s);
    }

    private static void line(Writer w, String s) throws IOException {
        w.write(s);
        w.write('\n');
    }
}
