package io.rsaudit.fix.apply;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the journal: a call and its outcome, or what happened to a resource (skipped, verified, pending).
 *
 * @param phase {@code apply} or {@code undo}
 * @param resource the ARN of the resource
 * @param action the IAM action of a call ({@code redshift:ModifyCluster}); {@code null} for a resource outcome
 * @param params the request of a call
 * @param before the values the call replaced, as read before it
 * @param outcome {@code ok}, {@code error}, {@code done-before} (a resumed run found it in the journal), {@code
 *     skipped} (already compliant), {@code verified}, {@code pending}, {@code not-verified}, {@code refused}, {@code
 *     not-undone}
 * @param error the AWS error code and message, or {@code null}
 * @param note what a person should know: the checks still failing, why a call is not undone
 * @param takesEffect for a {@code pending} resource, when its next maintenance window opens (the changes take effect
 *     at the next reboot: rsaudit's, or the one Redshift makes in a maintenance window); else {@code null}
 */
public record JournalEntry(
        Instant time,
        String phase,
        String account,
        String region,
        String resource,
        String action,
        Map<String, Object> params,
        Map<String, Object> before,
        String outcome,
        String requestId,
        String errorCode,
        String error,
        String note,
        Instant takesEffect) {

    public static final String APPLY = "apply";
    public static final String UNDO = "undo";

    public JournalEntry {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        before = before == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(before));
    }

    /** An entry with no time to take effect. */
    public JournalEntry(
            Instant time,
            String phase,
            String account,
            String region,
            String resource,
            String action,
            Map<String, Object> params,
            Map<String, Object> before,
            String outcome,
            String requestId,
            String errorCode,
            String error,
            String note) {
        this(
                time, phase, account, region, resource, action, params, before, outcome, requestId, errorCode, error,
                note, null);
    }

    public boolean isCall() {
        return action != null;
    }

    public boolean ok() {
        return "ok".equals(outcome);
    }

    /** The same key as {@link io.rsaudit.fix.plan.Call#key()} of the call it records. */
    public String key() {
        return account + "|" + region + "|" + action + "|" + params;
    }
}
