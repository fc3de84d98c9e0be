package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Value;
import java.util.List;

/**
 * One TLS parameter of a cluster's parameter group or of a workgroup, read once and interpreted the same way by
 * every transit check, so that the require_ssl and FIPS checks cannot disagree about what a value means.
 *
 * @param subject "cluster X" or "workgroup Y", for messages
 * @param where where the parameter is set: "parameter group X" or "configParameters"
 * @param onReadOnlyDefault the parameter is off on a default parameter group, which cannot be modified
 */
record TlsSetting(
        String parameter, String subject, String where, Value<String> value, State state, boolean onReadOnlyDefault) {

    enum State {
        ON,
        OFF,
        PENDING_REBOOT,
        UNKNOWN
    }

    boolean isFailing() {
        return state == State.OFF || state == State.PENDING_REBOOT;
    }

    /** What is true of this setting, for a person: "require_ssl is false in parameter group X". */
    String finding() {
        return switch (state) {
            case ON -> parameter + " is true in " + where;
            case OFF -> parameter + (value.value() == null ? " has no value" : " is " + value.value()) + " in " + where;
            case PENDING_REBOOT ->
                parameter + " is true in " + where + " but not yet in effect: the cluster reports it"
                        + " pending-reboot";
            case UNKNOWN -> "cannot read " + parameter + " of " + subject + " (" + where + ")";
        };
    }

    /** The outcome of a check that needs only this parameter to be true. */
    Outcome alone() {
        return switch (state) {
            case ON -> Outcome.pass(subject + " requires SSL/TLS connections: " + finding(), value);
            case OFF, PENDING_REBOOT ->
                Outcome.fail(
                        subject + " does not require SSL/TLS connections: " + finding()
                                + defaultGroupFix(List.of(this)),
                        value);
            case UNKNOWN -> Outcome.unknown(finding(), value);
        };
    }

    /** The advice for failing settings on a default group, which no parameter change can fix; empty otherwise. */
    static String defaultGroupFix(List<TlsSetting> failing) {
        boolean readOnly = failing.stream().anyMatch(TlsSetting::onReadOnlyDefault);
        return readOnly ? "; " + ClusterParameters.defaultGroupAdvice(failing.size()) : "";
    }
}
