package io.rsaudit.core.check.atrest;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.KeyRotations;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The age of a cluster's encryption keys (the cluster and database encryption keys {@code RotateEncryptionKey}
 * replaces), from the latest rotation CloudTrail records. A missing rotation proves an old key only where the history
 * read reaches back far enough and up to the time of the scan; otherwise the verdict is unknown, with the period read.
 */
@CheckInfo(
        id = "RS-ATREST-012",
        title = "Cluster's encryption keys were rotated within the policy maximum",
        severity = Severity.LOW,
        area = Area.AT_REST)
public final class ClusterKeyRotationAge implements Check<Cluster> {

    /** CloudTrail delivers within minutes, and a history is collected shortly before the scan: a day's slack. */
    private static final Duration END_SLACK = Duration.ofDays(1);

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        String name = "cluster " + cluster.identifier();
        int max = context.policy().maxKeyRotationAgeDays();
        String limit = "the policy's maximum of " + max + " days (encryption.maxKeyRotationAgeDays)";
        Instant now = context.now();
        Value<Boolean> encrypted = cluster.encrypted();
        if (!encrypted.isPresent()) {
            return Outcome.unknown(
                    "cannot tell whether " + name + " is encrypted", encrypted.orUnknown("Encrypted has no value"));
        }
        if (!encrypted.value()) {
            return Outcome.fail(
                    name + " is not encrypted (Encrypted is false), so it has no encryption keys to rotate, which the"
                            + " policy requires every " + max
                            + " days; encrypting it (RS-ATREST-001) is the first step",
                    encrypted);
        }
        KeyRotations rotations = context.inventory().rotations();
        Optional<KeyRotations.Rotation> latest = rotations.latest(cluster.id().scope(), cluster.identifier());
        if (latest.isPresent() && days(latest.get().time(), now) <= max) {
            return Outcome.pass(
                    "the encryption keys of " + name + " were last rotated on "
                            + date(latest.get().time()) + ", "
                            + days(latest.get().time(), now) + " days before " + date(now) + ", within " + limit,
                    rotated(latest.get()));
        }
        Value<Instant> created = cluster.createTime();
        if (created.isPresent() && days(created.value(), now) <= max) {
            return Outcome.pass(
                    name + " was created on " + date(created.value()) + ", " + before(created.value(), now)
                            + ", and its encryption keys with it: they are younger than "
                            + limit,
                    created);
        }
        // an unknown rests on the cluster's age: what a history would have to be measured against
        Value<?> age = created.isPresent() ? created : encrypted;
        Optional<KeyRotations.Period> period = rotations.covered(cluster.id().scope());
        Optional<Value<?>> unread = rotations.unread(cluster.id().scope());
        if (period.isEmpty() && unread.isPresent() && unread.get().reason().kind() != Reason.Kind.NOT_COLLECTED) {
            // the lookup failed or could not be read: the value names the call (account, region, action, error)
            return Outcome.unknown(
                    "cannot tell when the encryption keys of " + name + " were last rotated: no CloudTrail log"
                            + " files of " + cluster.id().scope() + " were read (give the trail's log files with"
                            + " --cloudtrail PATH), and its CloudTrail event history (cloudtrail:LookupEvents) could"
                            + " not be read",
                    unread.get());
        }
        if (period.isEmpty()) {
            return Outcome.unknown(
                    Reason.Kind.NOT_COLLECTED,
                    "cannot tell when the encryption keys of " + name + " were last rotated: no CloudTrail history of "
                            + cluster.id().scope() + " was read (give the trail's log files with --cloudtrail PATH)"
                            + unread.map(u -> "; its event history (cloudtrail:LookupEvents) was not collected: "
                                            + u.reason().detail())
                                    .orElse(""),
                    age);
        }
        KeyRotations.Period read = period.get();
        String covered = "the CloudTrail history read (" + read.source() + ") covers " + date(read.from()) + " to "
                + date(read.to()) + " in " + cluster.id().scope();
        Instant need = now.minus(Duration.ofDays(max));
        if (read.to().isBefore(now.minus(END_SLACK))) {
            return Outcome.unknown(
                    Reason.Kind.NOT_COLLECTED,
                    "cannot tell whether the encryption keys of " + name + " were rotated within " + limit + ": "
                            + covered + ", which ends " + days(read.to(), now) + " days before " + date(now)
                            + ", so a later rotation would not be seen" + seen(latest, now),
                    age);
        }
        if (latest.isEmpty() && read.from().isAfter(need)) {
            return Outcome.unknown(
                    Reason.Kind.NOT_COLLECTED,
                    "cannot tell whether the encryption keys of " + name + " were rotated within " + limit + ": "
                            + covered + ", " + days(read.from(), now) + " days, with no RotateEncryptionKey for it;"
                            + " the history does not reach back to " + date(need),
                    age);
        }
        if (latest.isPresent()) {
            KeyRotations.Rotation last = latest.get();
            return Outcome.fail(
                    "the encryption keys of " + name + " were last rotated on " + date(last.time()) + ", "
                            + days(last.time(), now) + " days before " + date(now) + ", more than " + limit + "; "
                            + covered,
                    rotated(last));
        }
        String since = created.isPresent()
                ? "; it was created on " + date(created.value()) + ", so its keys are " + days(created.value(), now)
                        + " days old"
                : "";
        return Outcome.fail(
                "the encryption keys of " + name + " were not rotated in the last " + max + " days: " + covered
                        + ", with no RotateEncryptionKey for it" + since + ", more than " + limit,
                age);
    }

    private static Value<Instant> rotated(KeyRotations.Rotation rotation) {
        return Value.known(rotation.time(), rotation.evidence());
    }

    private static String seen(Optional<KeyRotations.Rotation> latest, Instant now) {
        return latest.map(r -> "; the latest rotation in it is on " + date(r.time()) + ", " + days(r.time(), now)
                        + " days before " + date(now))
                .orElse("; it holds no RotateEncryptionKey for this cluster");
    }

    /** "91 days before 2026-06-01", or, for a time after the one the scan is judged at, says so. */
    private static String before(Instant t, Instant now) {
        return t.isAfter(now)
                ? "after " + date(now) + ", the time this scan is judged at"
                : days(t, now) + " days before " + date(now);
    }

    private static long days(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    private static LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
