package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@CheckInfo(id = "RS-LOG-004", title = "Audit log delivery is healthy", severity = Severity.MEDIUM, area = Area.LOGGING)
public final class AuditLogDeliveryHealthy implements Check<Cluster> {

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<LoggingStatus> status = context.inventory().logging(cluster);
        Optional<Outcome> unreadable = AuditLogs.unreadable(cluster, status);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        LoggingStatus logging = status.value();
        if (!AuditLogs.enabled(logging)) {
            return AuditLogs.disabled(cluster, logging, "no audit log is delivered anywhere");
        }
        String name = "cluster " + cluster.identifier();
        String destination = AuditLogs.destination(cluster, logging);
        Value<Instant> success = logging.lastSuccessfulDelivery();
        Value<Instant> failure = logging.lastFailure();
        if (failure.isUnknown()) {
            return Outcome.unknown(
                    "cannot read when delivery of the audit logs of " + name + " to " + destination + " last failed",
                    failure);
        }
        if (success.isUnknown()) {
            return Outcome.unknown("cannot read when the audit logs of " + name + " were last delivered", success);
        }
        Instant lastSuccess = success.value();
        Instant lastFailure = failure.value();
        if (lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess))) {
            String why = logging.lastFailureMessage().isPresent()
                    ? logging.lastFailureMessage().value()
                    : "no LastFailureMessage reported";
            String since = lastSuccess == null
                    ? "no delivery has ever succeeded"
                    : "nothing has been delivered since the last success at " + lastSuccess
                            + age(lastSuccess, context.now());
            return Outcome.fail(
                    "audit log delivery of " + name + " to " + destination + " is failing: the last attempt"
                            + " failed at " + lastFailure + " (" + why + "), and " + since,
                    failure);
        }
        if (lastSuccess != null) {
            String earlier = lastFailure == null
                    ? ""
                    : "; an earlier failure at " + lastFailure + " was followed by" + " successful deliveries";
            return Outcome.pass(
                    "the audit logs of " + name + " were last delivered to " + destination + " at " + lastSuccess
                            + age(lastSuccess, context.now()) + earlier,
                    success);
        }
        String hint = "cloudwatch".equals(logging.destinationType().value())
                ? "; for CloudWatch delivery, look for recent events in the cluster's /aws/redshift/cluster/"
                        + cluster.identifier() + "/ log groups"
                : "";
        return Outcome.unknown(
                "cannot tell whether the audit logs of " + name + " are delivered: no delivery recorded"
                        + " yet, the logging status has neither LastSuccessfulDeliveryTime nor LastFailureTime (logging may"
                        + " have been enabled only recently)" + hint,
                success);
    }

    private static String age(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        if (age.isNegative()) {
            return "";
        }
        if (age.toHours() < 1) {
            return " (" + age.toMinutes() + " min before the run)";
        }
        return age.toHours() < 48
                ? " (" + age.toHours() + " h before the run)"
                : " (" + age.toDays() + " days before the run)";
    }
}
