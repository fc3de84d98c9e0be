package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Value;
import java.util.List;

/**
 * Redshift writes the user activity log only when the {@value AuditLogs#USER_ACTIVITY} export and the
 * {@value #PARAMETER} parameter are both on, for a cluster and a Serverless workgroup alike; each half alone looks
 * configured but records no query. The verdict from both halves, naming the one that is missing.
 */
final class ActivityLogHalves {

    static final String PARAMETER = "enable_user_activity_logging";

    /** One half: PASS (in place), FAIL (missing) or UNKNOWN, with its text and field. */
    record Half(Result state, String text, Value<?> field) {}

    private ActivityLogHalves() {}

    /**
     * @param name the resource as messages name it: "cluster analytics", "workgroup sales"
     * @param export the log export half
     * @param parameter the {@value #PARAMETER} half
     */
    static Outcome judge(String name, Half export, Half parameter) {
        String needsBoth = "; Redshift writes the user activity log only with both the " + AuditLogs.USER_ACTIVITY
                + " export and " + PARAMETER + "=true";
        List<Half> missing = List.of(export, parameter).stream()
                .filter(h -> h.state() == Result.FAIL)
                .toList();
        if (missing.size() == 2) {
            return Outcome.fail(
                    "queries on " + name + " are not logged: " + export.text() + ", and " + parameter.text()
                            + needsBoth,
                    export.field());
        }
        if (missing.size() == 1) {
            Half gap = missing.get(0);
            Half other = gap == export ? parameter : export;
            String besides = other.state() == Result.PASS
                    ? "; only the other half is in place: " + other.text()
                    : "; besides, " + other.text();
            return Outcome.fail(
                    "queries on " + name + " are not logged: " + gap.text() + besides + needsBoth, gap.field());
        }
        for (Half half : List.of(export, parameter)) {
            if (half.state() == Result.UNKNOWN) {
                Half other = half == export ? parameter : export;
                String known = other.state() == Result.PASS
                        ? " (" + other.text() + ")"
                        : other.state() == Result.UNKNOWN ? " (" + other.text() + " either)" : "";
                return Outcome.unknown(
                        "cannot tell whether " + name + " writes the user activity log" + known + ": " + half.text(),
                        half.field());
            }
        }
        return Outcome.pass(
                name + " writes the user activity log: " + export.text() + ", and " + parameter.text(),
                parameter.field());
    }
}
