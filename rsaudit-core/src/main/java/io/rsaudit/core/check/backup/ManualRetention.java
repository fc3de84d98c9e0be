package io.rsaudit.core.check.backup;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Policy;

/**
 * Judges a manual snapshot retention in days against the policy: -1 keeps snapshots forever; AWS accepts only -1
 * and 1..3653, so any other number is not judged.
 */
final class ManualRetention {

    private static final String MAX_FIELD = "backups.maxManualRetentionDays";

    private ManualRetention() {}

    /**
     * @param resource the resource the retention belongs to: "cluster analytics", "snapshot s1"
     * @param subject what is kept, as the start of a sentence: "snapshot s1 is kept"
     * @param forever appended when the retention is forever, to say what that means here
     * @param context appended to every message (age and size of a snapshot), or ""
     */
    static Outcome judge(
            Value<Integer> days, Policy policy, String resource, String subject, String forever, String context) {
        return judge(days, "ManualSnapshotRetentionPeriod", policy, resource, subject, forever, context);
    }

    /** As above, for a retention the API reports in the member {@code field} ("snapshotRetentionPeriod"). */
    static Outcome judge(
            Value<Integer> days,
            String field,
            Policy policy,
            String resource,
            String subject,
            String forever,
            String context) {
        if (!days.isPresent()) {
            return Outcome.unknown("cannot read " + field + " of " + resource, days.orUnknown(field + " is null"));
        }
        int d = days.value();
        Integer max = policy.maxManualRetentionDays();
        if (d == -1) {
            String why = days.status() == Status.DEFAULTED ? "not reported; -1, the AWS default" : "-1";
            return Outcome.fail(
                    subject + " forever (" + field + " " + why + ")" + forever
                            + (max == null
                                    ? ""
                                    : "; the policy maximum is " + Snapshots.days(max) + " (" + MAX_FIELD + ")")
                            + context,
                    days);
        }
        if (d < 1) {
            return Outcome.unknown(
                    Reason.Kind.UNRECOGNIZED,
                    "cannot judge the manual snapshot retention of " + resource
                            + ": " + field + " is " + d
                            + ", which AWS does not accept (-1, or 1 to 3653 days)"
                            + context,
                    days);
        }
        if (max != null && d > max) {
            return Outcome.fail(
                    subject + " " + Snapshots.days(d) + "; the policy maximum is " + Snapshots.days(max) + " ("
                            + MAX_FIELD + ")" + context,
                    days);
        }
        return Outcome.pass(
                subject + " " + Snapshots.days(d)
                        + (max == null
                                ? "; the policy sets no maximum (" + MAX_FIELD + ")"
                                : ", within the policy maximum of " + Snapshots.days(max))
                        + context,
                days);
    }
}
