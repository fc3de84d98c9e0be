package io.rsaudit.fix.apply;

import io.rsaudit.core.model.Scope;
import io.rsaudit.fix.plan.Call;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Restores, from a journal, the values an apply changed, last change first, where AWS allows it with a call that is
 * neither a Delete nor a Disable: a setting goes back to its value before, a revoked share is authorized again, a
 * resource policy is put back as it was read, a stopped copy is started again. What cannot be restored that way (a group rsaudit created, logging or key rotation
 * it turned on) is journaled as {@code not-undone} with the reason. A call an earlier undo of the same journal
 * restored is not restored twice.
 */
public final class Undo {

    private final FixClient client;
    private final Journal journal;
    private final Clock clock;
    private final Consumer<String> progress;

    public Undo(FixClient client, Journal journal, Clock clock, Consumer<String> progress) {
        this.client = client;
        this.journal = journal;
        this.clock = clock;
        this.progress = progress;
    }

    /** The inverse of one journaled call, or the reason there is none. */
    record Inverse(Call call, String reason) {}

    public ApplyReport undo(List<JournalEntry> entries) {
        Set<String> undone = new HashSet<>();
        for (JournalEntry e : entries) {
            if (e.phase().equals(JournalEntry.UNDO) && e.isCall() && e.ok() && e.note() != null) {
                undone.add(e.note());
            }
        }
        List<ApplyReport.Outcome> outcomes = new ArrayList<>();
        int made = 0;
        int failed = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            if (!e.phase().equals(JournalEntry.APPLY) || !e.isCall() || !e.ok()) {
                continue;
            }
            String ref = "undoes " + e.time() + " " + e.action() + " " + e.params();
            if (undone.contains(ref)) {
                continue;
            }
            Inverse inverse = inverse(e);
            if (inverse.call() == null) {
                write(e, null, "not-undone", null, null, inverse.reason());
                outcomes.add(new ApplyReport.Outcome(e.resource(), "not-undone", e.action() + ": " + inverse.reason()));
                continue;
            }
            try {
                String requestId = client.call(inverse.call());
                made++;
                write(e, inverse.call(), "ok", requestId, null, ref);
                outcomes.add(new ApplyReport.Outcome(
                        e.resource(), "undone", inverse.call().iamAction()));
                progress.accept("undone " + e.action() + " " + e.resource());
            } catch (CallFailure f) {
                failed++;
                write(e, inverse.call(), "error", f.requestId(), f, ref);
                outcomes.add(new ApplyReport.Outcome(e.resource(), "failed", f.code() + ": " + f.getMessage()));
            }
        }
        return new ApplyReport(outcomes, made, failed);
    }

    static Inverse inverse(JournalEntry e) {
        Scope scope = new Scope(e.account(), e.region());
        Map<String, Object> p = e.params();
        Map<String, Object> b = e.before();
        String action = e.action().substring(e.action().indexOf(':') + 1);
        String service = e.action().substring(0, e.action().indexOf(':'));
        return switch (action) {
            case "ModifyCluster" -> {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("ClusterIdentifier", p.get("ClusterIdentifier"));
                List<String> lost = new ArrayList<>();
                for (Map.Entry<String, Object> x : b.entrySet()) {
                    if (x.getKey().equals("Encrypted")) {
                        lost.add("Encrypted (decrypting is a migration rsaudit does not start)");
                    } else if (x.getValue() == null) {
                        lost.add(x.getKey() + " (no value before)");
                    } else {
                        params.put(x.getKey(), x.getValue());
                    }
                }
                yield params.size() == 1
                        ? new Inverse(null, "nothing to restore: " + String.join(", ", lost))
                        : new Inverse(new Call(service, action, scope, params, Map.of()), null);
            }
            case "ModifyClusterParameterGroup" -> {
                Map<String, String> values = new LinkedHashMap<>();
                b.forEach((k, v) -> {
                    if (v != null) {
                        values.put(k, String.valueOf(v));
                    }
                });
                yield values.isEmpty()
                        ? new Inverse(
                                null,
                                "the parameters of " + p.get("ParameterGroupName") + ", the copy rsaudit made, stay"
                                        + " (undoing ModifyCluster moves the cluster back to its group)")
                        : new Inverse(
                                new Call(
                                        service,
                                        action,
                                        scope,
                                        Call.args()
                                                .put("ParameterGroupName", p.get("ParameterGroupName"))
                                                .put(
                                                        "Parameters",
                                                        Call.pairs("ParameterName", "ParameterValue", values))
                                                .build(),
                                        Map.of()),
                                null);
            }
            case "CreateClusterParameterGroup" ->
                new Inverse(
                        null,
                        "the group " + p.get("ParameterGroupName") + " stays: deleting it is a Delete call rsaudit"
                                + " never makes");
            case "EnableLogging" -> {
                if (!Boolean.TRUE.equals(b.get("LoggingEnabled"))) {
                    yield new Inverse(
                            null, "audit logging stays on: turning it off is a Disable call rsaudit never makes");
                }
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("ClusterIdentifier", p.get("ClusterIdentifier"));
                putIfSet(params, "LogDestinationType", b.get("LogDestinationType"));
                putIfSet(params, "BucketName", b.get("BucketName"));
                if (b.get("S3KeyPrefix") instanceof String prefix && !prefix.isEmpty()) {
                    params.put("S3KeyPrefix", prefix);
                }
                putIfSet(params, "LogExports", b.get("LogExports"));
                yield new Inverse(new Call(service, action, scope, params, Map.of()), null);
            }
            case "DisableSnapshotCopy" -> {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("ClusterIdentifier", p.get("ClusterIdentifier"));
                putIfSet(params, "DestinationRegion", b.get("DestinationRegion"));
                putIfSet(params, "RetentionPeriod", b.get("RetentionPeriod"));
                putIfSet(params, "ManualSnapshotRetentionPeriod", b.get("ManualSnapshotRetentionPeriod"));
                putIfSet(params, "SnapshotCopyGrantName", b.get("SnapshotCopyGrantName"));
                yield params.containsKey("DestinationRegion")
                        ? new Inverse(new Call(service, "EnableSnapshotCopy", scope, params, Map.of()), null)
                        : new Inverse(null, "the destination region before is not in the journal");
            }
            case "ModifyClusterSnapshot" ->
                again(e, scope, "SnapshotIdentifier", "ManualSnapshotRetentionPeriod", "the retention");
            case "UpdateSnapshot" -> again(e, scope, "snapshotName", "retentionPeriod", "the retention");
            case "PutResourcePolicy" -> again(e, scope, "resourceArn", "policy", "the resource policy");
            case "RevokeSnapshotAccess" ->
                new Inverse(new Call(service, "AuthorizeSnapshotAccess", scope, p, Map.of()), null);
            case "EnableKeyRotation" ->
                new Inverse(null, "key rotation stays on: DisableKeyRotation is a Disable call rsaudit never makes");
            case "UpdateWorkgroup" -> {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("workgroupName", p.get("workgroupName"));
                b.forEach((k, v) -> putIfSet(params, k, v));
                yield params.size() == 1
                        ? new Inverse(null, "no value before is in the journal")
                        : new Inverse(new Call(service, action, scope, params, Map.of()), null);
            }
            case "UpdateNamespace" -> {
                Object before = b.get("logExports");
                yield new Inverse(
                        new Call(
                                service,
                                action,
                                scope,
                                Call.args()
                                        .put("namespaceName", p.get("namespaceName"))
                                        .put("logExports", before == null ? List.of() : before)
                                        .build(),
                                Map.of()),
                        null);
            }
            case "RebootCluster" -> new Inverse(null, "a reboot cannot be undone");
            case "RotateEncryptionKey" ->
                new Inverse(null, "a key rotation cannot be undone: the previous key is gone");
            default -> new Inverse(null, "rsaudit knows no inverse of " + e.action());
        };
    }

    /**
     * The same call again on the same resource ({@code name}) with the value {@code member} had before, or none when
     * the journal lacks it.
     */
    private static Inverse again(JournalEntry e, Scope scope, String name, String member, String what) {
        Object before = e.before().get(member);
        if (before == null) {
            return new Inverse(null, what + " before is not in the journal");
        }
        int colon = e.action().indexOf(':');
        return new Inverse(
                new Call(
                        e.action().substring(0, colon),
                        e.action().substring(colon + 1),
                        scope,
                        Call.args()
                                .put(name, e.params().get(name))
                                .put(member, before)
                                .build(),
                        Map.of()),
                null);
    }

    private static void putIfSet(Map<String, Object> params, String key, Object value) {
        if (value != null) {
            params.put(key, value);
        }
    }

    private void write(JournalEntry e, Call call, String outcome, String requestId, CallFailure f, String note) {
        journal.write(new JournalEntry(
                clock.instant(),
                JournalEntry.UNDO,
                e.account(),
                e.region(),
                e.resource(),
                call == null ? e.action() : call.iamAction(),
                call == null ? e.params() : call.params(),
                null,
                outcome,
                requestId,
                f == null ? null : f.code(),
                f == null ? null : f.getMessage(),
                note));
    }
}
