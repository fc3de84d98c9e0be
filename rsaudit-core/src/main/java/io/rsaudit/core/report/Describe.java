package io.rsaudit.core.report;

import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.compliance.Frameworks;
import java.util.List;
import java.util.Locale;

/** What several formats print of a finding, said once: outcome names, the evidence in a line, compliance ids. */
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
}
