package io.rsaudit.core.report;

import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.compliance.Frameworks;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What several formats print, said once: of a finding, outcome names, the evidence in a line, compliance ids; of a
 * hunt's reading, what was read, counts by reason and each problem in a line.
 */
public final class Describe {

    private Describe() {}

    /** {@code pass}, {@code fail}, {@code unknown}, {@code not_applicable}: as the JSON report names outcomes. */
    public static String outcome(Result r) {
        return r == Result.NOT_APPLICABLE ? "not_applicable" : r.name().toLowerCase(Locale.ROOT);
    }

    /** The field a finding rests on, in one line: {@code name = value (location#pointer)}; empty when none. */
    public static String evidence(Finding f) {
        Evidence e = f.outcome().evidence();
        if (e == null) {
            return "";
        }
        String value = e.value() == null
                ? "(" + e.status().name().toLowerCase(Locale.ROOT) + ")"
                : e.value().toString();
        return e.provenance().field() + " = " + value + " (" + e.provenance() + ")";
    }

    /** The remediation of an open result (fail or unknown), filled in for its resource; empty otherwise. */
    public static String fix(Finding f) {
        return f.result() == Result.FAIL || f.result() == Result.UNKNOWN ? f.remediationCli() : "";
    }

    /** The compliance ids of the finding's check in every built-in framework ({@code fsbp:Redshift.1}...). */
    public static List<String> compliance(String checkId) {
        return Frameworks.builtIn().idsOf(checkId);
    }

    /** What a hunt read, in one line: files, bytes, records, events, filtered (by reason) and malformed. */
    public static String read(ReadSummary s) {
        return s.files() + " file(s), " + s.bytes() + " byte(s), " + s.records() + " record(s), " + s.events()
                + " event(s), " + s.filteredTotal() + " filtered" + counts(s.filtered()) + ", " + s.malformed()
                + " malformed";
    }

    /** {@code " (reason n, ...)"} in reason order, or nothing when there are none. */
    private static String counts(Map<String, Long> byReason) {
        return byReason.isEmpty() ? "" : " (" + reasons(byReason) + ")";
    }

    /** {@code "reason n, ..."} in reason order. */
    public static String reasons(Map<String, Long> byReason) {
        StringJoiner j = new StringJoiner(", ");
        new TreeMap<>(byReason).forEach((reason, n) -> j.add(reason + " " + n));
        return j.toString();
    }

    /** A read problem in one line: {@code file:line  kind: message}, secrets removed from the message. */
    public static String problem(ReadProblem p) {
        return p.origin() + "  " + p.kind().name().toLowerCase(Locale.ROOT) + ": " + Redacted.safe(p.message());
    }
}
