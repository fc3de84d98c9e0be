package io.rsaudit.fix.plan;

import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Value;
import java.time.Duration;
import java.time.Instant;

/**
 * The retention a manual snapshot (provisioned or Serverless) is set to: the policy maximum, counted from its
 * creation. Refused when the policy sets no maximum, when the snapshot's age is not known, or when it is already
 * that old: AWS would delete it at once, and rsaudit never deletes.
 *
 * @param days the retention to set, in days
 * @param age the snapshot's age now, in whole days
 */
record RetentionTarget(int days, long age) {

    /** The target, or {@code null} after telling the sink why there is none. */
    static RetentionTarget of(Value<Instant> created, ResourceId snapshot, String check, Planner.Context ctx) {
        Integer max = ctx.policy().maxManualRetentionDays();
        if (max == null) {
            ctx.sink()
                    .refuse(
                            check,
                            snapshot,
                            "the policy sets no maximum manual retention (backups.maxManualRetentionDays): set one to"
                                    + " say which retention to apply");
            return null;
        }
        if (!created.isPresent()) {
            ctx.sink()
                    .refuse(check, snapshot, "the snapshot's age is not known, so a retention might delete it at once");
            return null;
        }
        long age = Math.max(
                0, Duration.between(created.value(), ctx.checks().now()).toDays());
        if (age >= max) {
            ctx.sink()
                    .refuse(
                            check,
                            snapshot,
                            "the snapshot is " + age + " days old: a retention of " + max
                                    + " days would delete it at once, and rsaudit never deletes");
            return null;
        }
        return new RetentionTarget(max, age);
    }

    /** The remedy of setting the retention, undone as {@code undo} says. */
    Remedy remedy(String check, String undo) {
        return new Remedy(
                check,
                "keep the snapshot " + days + " days from its creation (the policy maximum); it is " + age
                        + " days old",
                Impact.NONE,
                "AWS deletes the snapshot when the retention runs out, " + (days - age) + " days from now",
                undo);
    }
}
