package io.rsaudit.fix.plan;

import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.LoggingStatus;
import io.rsaudit.core.model.ParameterGroupRef;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.SnapshotCopyStatus;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The remedies of a provisioned cluster: parameters, audit logging, retention, network and copy settings. */
final class ClusterRemedies {

    static final String REQUIRE_SSL = "require_ssl";
    static final String FIPS = "use_fips_ssl";
    static final String USER_ACTIVITY = "enable_user_activity_logging";
    static final List<String> ALL_LOGS = List.of("connectionlog", "userlog", "useractivitylog");
    /**
     * The check whose FAIL means the cluster's encryption key was last rotated longer ago than the policy allows; its
     * remedy is {@code RotateEncryptionKey}, only with {@link FixOptions#ALLOW_KEY_ROTATION}. The one place that
     * names it.
     */
    static final String KEY_AGE = "RS-ATREST-012";
    /** ModifyClusterParameterGroup takes at most this many parameters a call. */
    static final int PARAMETERS_PER_CALL = 20;

    private ClusterRemedies() {}

    /** One cluster's plan; the refusals and manual checks go to the context's sink. */
    static ResourcePlan plan(Cluster c, List<String> checks, Planner.Context ctx) {
        Builder b = new Builder(c, ctx);
        for (String id : checks) {
            switch (id) {
                case "RS-TRANSIT-001" ->
                    b.parameter(
                            id,
                            REQUIRE_SSL,
                            "clients that connect without TLS are refused once it takes effect",
                            "connections without TLS");
                case "RS-TRANSIT-002" -> {
                    // FIPS-validated TLS is use_fips_ssl together with require_ssl
                    b.parameter(
                            id,
                            FIPS,
                            "clients whose TLS stack offers no FIPS-validated cipher are refused once it takes effect",
                            "TLS without FIPS-validated ciphers");
                    b.alsoParameter(id, REQUIRE_SSL);
                }
                case "RS-LOG-003" -> b.userActivity(id);
                case "RS-LOG-001", "RS-LOG-002" -> b.logging(id);
                case "RS-BACKUP-001", "RS-BACKUP-002" -> b.automatedRetention(id);
                case "RS-BACKUP-003" -> b.manualRetention(id);
                case "RS-BACKUP-009" -> b.stopCopy(id);
                case "RS-NET-001" ->
                    b.attribute(
                            id,
                            "PubliclyAccessible",
                            false,
                            c.publiclyAccessible(),
                            "turn public access off: the endpoint resolves to private addresses only",
                            Impact.BRIEF_DROP,
                            "clients outside the VPC (and its peered or VPN networks) can no longer connect");
                case "RS-NET-003" ->
                    b.attribute(
                            id,
                            "EnhancedVpcRouting",
                            true,
                            c.enhancedVpcRouting(),
                            "turn enhanced VPC routing on: COPY and UNLOAD traffic goes through the VPC",
                            Impact.BRIEF_DROP,
                            "COPY and UNLOAD fail unless the VPC has a route to S3 (gateway endpoint or NAT)");
                case "RS-RES-002" ->
                    b.attribute(
                            id,
                            "AllowVersionUpgrade",
                            true,
                            c.allowVersionUpgrade(),
                            "allow engine version upgrades in the maintenance window",
                            Impact.NONE,
                            "new engine versions are installed in the maintenance window, which reboots the cluster");
                case "RS-ATREST-001" -> b.encrypt(id);
                case KEY_AGE -> b.rotateKey(id);
                default -> ctx.sink().manual(id, c.id());
            }
        }
        return b.build();
    }

    /** Gathers the remedies of one cluster, then orders their calls. */
    private static final class Builder {
        private final Cluster c;
        private final Planner.Context ctx;
        private final Scope scope;
        private final String name;
        private final List<Remedy> remedies = new ArrayList<>();
        private final List<String> checkIds = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> parameterChecks = new LinkedHashMap<>();
        private final Map<String, Object> modify = new LinkedHashMap<>();
        private final Map<String, Object> modifyBefore = new LinkedHashMap<>();
        private final Set<String> loggingChecks = new LinkedHashSet<>();
        private Call stopCopy;
        private Call rotateKey;

        Builder(Cluster c, Planner.Context ctx) {
            this.c = c;
            this.ctx = ctx;
            this.scope = c.id().scope();
            this.name = c.identifier();
        }

        private ResourceId id() {
            return c.id();
        }

        void parameter(String check, String parameter, String risk, String refused) {
            parameters.put(parameter, "true");
            parameterChecks.put(parameter, check);
            remedies.add(new Remedy(
                    check,
                    "set " + parameter + "=true in the cluster's own parameter group (a copy when the group is a"
                            + " default or shared one)",
                    Impact.PENDING_REBOOT,
                    risk,
                    "ModifyCluster back to the previous parameter group, or the parameter back to its value; " + refused
                            + " are accepted again after the next reboot"));
            checkIds.add(check);
        }

        /** A parameter another check's remedy needs too (FIPS needs require_ssl), unless already on. */
        void alsoParameter(String check, String parameter) {
            Value<String> value = ClusterParameters.read(c, ctx.checks(), parameter, "false");
            if (!ClusterParameters.isTrue(value) && !parameters.containsKey(parameter)) {
                parameters.put(parameter, "true");
                parameterChecks.put(parameter, check);
            }
        }

        void userActivity(String check) {
            Value<String> value = ClusterParameters.read(c, ctx.checks(), USER_ACTIVITY, "false");
            boolean parameterOn = ClusterParameters.isTrue(value) && !ClusterParameters.pendingReboot(c, USER_ACTIVITY);
            boolean pendingOn = ClusterParameters.isTrue(value) && ClusterParameters.pendingReboot(c, USER_ACTIVITY);
            if (!parameterOn) {
                parameters.put(USER_ACTIVITY, "true");
                parameterChecks.put(USER_ACTIVITY, check);
                remedies.add(new Remedy(
                        check,
                        pendingOn
                                ? USER_ACTIVITY + "=true is set and waits for a reboot of the cluster"
                                : "set " + USER_ACTIVITY + "=true in the cluster's own parameter group (a copy when"
                                        + " the group is a default or shared one)",
                        Impact.PENDING_REBOOT,
                        "every query is logged: more log volume (storage and, for CloudWatch, ingestion cost)",
                        "the parameter back to false, or ModifyCluster back to the previous group"));
            }
            Value<LoggingStatus> status = ctx.inventory().logging(c);
            boolean exported = status.isPresent()
                    && Boolean.TRUE.equals(status.value().enabled().value())
                    && status.value().logExports().isPresent()
                    && status.value().logExports().value().contains("useractivitylog");
            if (!exported) {
                loggingChecks.add(check);
            }
            checkIds.add(check);
        }

        void logging(String check) {
            loggingChecks.add(check);
            checkIds.add(check);
        }

        void automatedRetention(String check) {
            int min = ctx.policy().minAutomatedRetentionDays();
            attribute(
                    check,
                    "AutomatedSnapshotRetentionPeriod",
                    min,
                    c.automatedSnapshotRetentionPeriod(),
                    "keep automated snapshots " + min + " days (the policy minimum)",
                    Impact.NONE,
                    "more snapshot storage is billed beyond the free backup storage");
        }

        void manualRetention(String check) {
            Integer max = ctx.policy().maxManualRetentionDays();
            if (max == null) {
                ctx.sink()
                        .refuse(
                                check,
                                id(),
                                "the policy sets no maximum manual retention (backups.maxManualRetentionDays): set"
                                        + " one to say which retention to apply");
                return;
            }
            attribute(
                    check,
                    "ManualSnapshotRetentionPeriod",
                    max,
                    c.manualSnapshotRetentionPeriod(),
                    "keep new manual snapshots " + max + " days by default (the policy maximum)",
                    Impact.NONE,
                    "manual snapshots taken from now on expire after " + max + " days unless given a retention");
        }

        void stopCopy(String check) {
            Value<SnapshotCopyStatus> copy = c.snapshotCopy();
            if (!copy.isPresent()) {
                ctx.sink().refuse(check, id(), "the cross-region copy settings were not read");
                return;
            }
            if (!ctx.options().allowStopCopy()) {
                ctx.sink()
                        .refuse(
                                check,
                                id(),
                                "stopping the copy (DisableSnapshotCopy) ends the disaster-recovery copies in "
                                        + copy.value().destinationRegion().show()
                                        + "; the copies already there stay",
                                FixOptions.ALLOW_STOP_COPY);
                return;
            }
            SnapshotCopyStatus s = copy.value();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("DestinationRegion", s.destinationRegion().value());
            before.put(
                    "RetentionPeriod",
                    s.retentionPeriod().isPresent()
                            ? Integer.valueOf(s.retentionPeriod().value().intValue())
                            : null);
            before.put(
                    "ManualSnapshotRetentionPeriod",
                    s.manualSnapshotRetentionPeriod().value());
            before.put("SnapshotCopyGrantName", s.snapshotCopyGrantName().value());
            stopCopy = new Call(
                    "redshift",
                    "DisableSnapshotCopy",
                    scope,
                    Call.args().put("ClusterIdentifier", name).build(),
                    before);
            remedies.add(new Remedy(
                    check,
                    "stop copying snapshots to " + s.destinationRegion().show()
                            + " (a region the residency policy forbids)",
                    Impact.NONE,
                    "no more disaster-recovery copies in another region; the copies already there stay until they"
                            + " expire",
                    "EnableSnapshotCopy with the same region, retention and grant"));
            checkIds.add(check);
        }

        void encrypt(String check) {
            String key = ctx.options().migrationKeyId();
            if (key == null) {
                ctx.sink()
                        .refuse(
                                check,
                                id(),
                                "encrypting an existing cluster is a migration (hours for a large cluster,"
                                        + " read-only meanwhile)",
                                FixOptions.ALLOW_MIGRATION + " KEY");
                return;
            }
            modify.put("Encrypted", true);
            modify.put("KmsKeyId", key);
            modifyBefore.put("Encrypted", c.encrypted().value());
            remedies.add(new Remedy(
                    check,
                    "encrypt the cluster under KMS key " + key,
                    Impact.MIGRATION,
                    "the cluster is read-only during the migration; the key's policy must let Redshift use it",
                    "not undone: decrypting is another migration, which rsaudit does not start"));
            checkIds.add(check);
        }

        void rotateKey(String check) {
            if (!Boolean.TRUE.equals(c.encrypted().value())) {
                ctx.sink()
                        .refuse(
                                check,
                                id(),
                                c.encrypted().isPresent()
                                        ? "the cluster is not encrypted: it has no key to rotate"
                                        : "whether the cluster is encrypted is not known");
                return;
            }
            if (!ctx.options().allowKeyRotation()) {
                ctx.sink()
                        .refuse(
                                check,
                                id(),
                                "rotating the cluster's encryption key (RotateEncryptionKey) makes it unavailable for"
                                        + " a few minutes",
                                FixOptions.ALLOW_KEY_ROTATION);
                return;
            }
            rotateKey = new Call(
                    "redshift",
                    "RotateEncryptionKey",
                    scope,
                    Call.args().put("ClusterIdentifier", name).build(),
                    Map.of());
            remedies.add(new Remedy(
                    check,
                    "rotate the cluster's encryption keys (a new cluster key under the same root key)",
                    Impact.KEY_ROTATION,
                    "queries and connections fail while the keys rotate",
                    "not reversible: the previous key is not restored"));
            checkIds.add(check);
        }

        <T> void attribute(
                String check, String member, T wanted, Value<T> current, String does, Impact impact, String risk) {
            modify.put(member, wanted);
            modifyBefore.put(member, current.value());
            remedies.add(new Remedy(
                    check,
                    does,
                    impact,
                    risk,
                    "ModifyCluster " + member + "=" + (current.isPresent() ? current.value() : "its previous value")));
            checkIds.add(check);
        }

        ResourcePlan build() {
            List<Call> calls = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            boolean reboot = parameterCalls(calls, pending);
            if (!loggingChecks.isEmpty()) {
                loggingCall(calls);
            }
            if (stopCopy != null) {
                calls.add(stopCopy);
            }
            if (!modify.isEmpty()) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("ClusterIdentifier", name);
                params.putAll(modify);
                calls.add(new Call("redshift", "ModifyCluster", scope, params, modifyBefore));
            }
            if (rotateKey != null) {
                calls.add(rotateKey);
            }
            if (reboot) {
                calls.add(new Call(
                        "redshift",
                        "RebootCluster",
                        scope,
                        Call.args().put("ClusterIdentifier", name).build(),
                        Map.of()));
                remedies.add(new Remedy(
                        checkIds.isEmpty() ? "reboot" : checkIds.get(0),
                        "reboot the cluster so that " + String.join(", ", pending) + " take(s) effect",
                        Impact.REBOOT,
                        "running queries fail and connections drop during the reboot",
                        "not reversible (a reboot)"));
            }
            if (remedies.isEmpty()) {
                return null;
            }
            return new ResourcePlan(c.id(), checkIds, remedies, calls, pending, notes);
        }

        /** The parameter group calls; true when a reboot is planned. */
        private boolean parameterCalls(List<Call> calls, List<String> pending) {
            if (parameters.isEmpty()) {
                return false;
            }
            Value<ParameterGroupRef> ref = c.parameterGroup();
            if (!ref.isPresent()) {
                refuseParameters("the cluster's parameter group is not known");
                return false;
            }
            ParameterGroupRef group = ref.value();
            Map<String, String> changes = new LinkedHashMap<>();
            List<String> waiting = new ArrayList<>();
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                Value<String> now = ClusterParameters.read(c, ctx.checks(), p.getKey(), "false");
                if (ClusterParameters.isTrue(now) && ClusterParameters.pendingReboot(c, p.getKey())) {
                    waiting.add(p.getKey());
                } else {
                    changes.put(p.getKey(), p.getValue());
                }
            }
            boolean shared = sharedWith(group.name()) > 0;
            if (!changes.isEmpty()) {
                if (!group.isDefault() && !shared) {
                    Value<ParameterSet> set = ctx.inventory().parameters(scope, group.name());
                    Map<String, Object> before = new LinkedHashMap<>();
                    for (String p : changes.keySet()) {
                        Value<String> v = set.isPresent() ? set.value().get(p) : null;
                        before.put(p, v == null ? null : v.value());
                    }
                    addParameterCalls(calls, group.name(), changes, before);
                } else if (!copy(calls, group, changes)) {
                    return false;
                }
                pending.addAll(changes.keySet());
            }
            pending.addAll(waiting);
            if (!waiting.isEmpty()) {
                notes.add(String.join(", ", waiting) + " already set in " + group.name()
                        + ", waiting for a reboot of the cluster");
            }
            if (ctx.options().allowReboot()) {
                return true;
            }
            notes.add("the parameter changes take effect "
                    + MaintenanceWindow.whenPending(
                            ctx.facts(), scope, name, ctx.checks().now()));
            return false;
        }

        /** Copies the default or shared group into rsaudit-NAME with the changes and switches the cluster to it. */
        private boolean copy(List<Call> calls, ParameterGroupRef group, Map<String, String> changes) {
            String copy = copyName(name);
            int usersOfCopy = sharedWith(copy);
            if (usersOfCopy > 0) {
                refuseParameters("the group " + copy + " rsaudit would copy into is used by " + usersOfCopy
                        + " other cluster(s)");
                return false;
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (!group.isDefault()) {
                Value<ParameterSet> source = ctx.inventory().parameters(scope, group.name());
                if (!source.isPresent()) {
                    refuseParameters("the parameters of the shared group " + group.name()
                            + " were not read, so it cannot be copied faithfully");
                    return false;
                }
                source.value().parameters().entrySet().stream()
                        .filter(e -> e.getValue().isPresent())
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> values.put(e.getKey(), e.getValue().value()));
            }
            values.putAll(changes);
            boolean exists = ctx.inventory().parameters(scope, copy).isPresent();
            if (!exists) {
                Optional<String> family = group.isDefault()
                        ? Optional.of(group.name().substring("default.".length()))
                        : ctx.facts().parameterGroupFamily(scope, group.name());
                if (family.isEmpty()) {
                    refuseParameters("the family of parameter group " + group.name() + " is not known");
                    return false;
                }
                calls.add(new Call(
                        "redshift",
                        "CreateClusterParameterGroup",
                        scope,
                        Call.args()
                                .put("ParameterGroupName", copy)
                                .put("ParameterGroupFamily", family.get())
                                .put(
                                        "Description",
                                        "rsaudit: copy of " + group.name() + " for cluster " + name + " with "
                                                + String.join(", ", changes.keySet()) + " on")
                                .build(),
                        Map.of()));
            }
            addParameterCalls(calls, copy, values, Map.of());
            modify.put("ClusterParameterGroupName", copy);
            modifyBefore.put("ClusterParameterGroupName", group.name());
            notes.add((group.isDefault()
                            ? group.name() + " is a default group, which cannot be modified"
                            : group.name() + " is shared with " + sharedWith(group.name()) + " other cluster(s)")
                    + ": the cluster moves to its own copy " + copy + (exists ? " (it exists already)" : ""));
            return true;
        }

        private void addParameterCalls(
                List<Call> calls, String groupName, Map<String, String> values, Map<String, Object> before) {
            List<Map.Entry<String, String>> all = new ArrayList<>(values.entrySet());
            for (int from = 0; from < all.size(); from += PARAMETERS_PER_CALL) {
                Map<String, String> batch = new LinkedHashMap<>();
                Map<String, Object> batchBefore = new LinkedHashMap<>();
                for (Map.Entry<String, String> e :
                        all.subList(from, Math.min(all.size(), from + PARAMETERS_PER_CALL))) {
                    batch.put(e.getKey(), e.getValue());
                    if (before.containsKey(e.getKey())) {
                        batchBefore.put(e.getKey(), before.get(e.getKey()));
                    }
                }
                calls.add(new Call(
                        "redshift",
                        "ModifyClusterParameterGroup",
                        scope,
                        Call.args()
                                .put("ParameterGroupName", groupName)
                                .put("Parameters", Call.pairs("ParameterName", "ParameterValue", batch))
                                .build(),
                        batchBefore));
            }
        }

        private void refuseParameters(String reason) {
            for (Map.Entry<String, String> p : parameterChecks.entrySet()) {
                ctx.sink().refuse(p.getValue(), id(), "cannot set " + p.getKey() + ": " + reason);
                remedies.removeIf(
                        r -> r.checkId().equals(p.getValue()) && r.does().contains(p.getKey()));
                if (!loggingChecks.contains(p.getValue())) {
                    checkIds.remove(p.getValue());
                }
            }
        }

        /** How many other clusters of the scope use the group. */
        private int sharedWith(String groupName) {
            int n = 0;
            for (Cluster other : ctx.inventory().clusters()) {
                if (other != c
                        && other.id().scope().equals(scope)
                        && other.parameterGroup().isPresent()
                        && other.parameterGroup().value().name().equals(groupName)) {
                    n++;
                }
            }
            return n;
        }

        private void loggingCall(List<Call> calls) {
            Value<LoggingStatus> status = ctx.inventory().logging(c);
            if (!status.isPresent()) {
                for (String check : loggingChecks) {
                    ctx.sink().refuse(check, id(), "the audit logging status was not read");
                }
                return;
            }
            LoggingStatus s = status.value();
            boolean enabled = Boolean.TRUE.equals(s.enabled().value());
            String type = s.destinationType().value();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("ClusterIdentifier", name);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("LoggingEnabled", enabled);
            before.put("LogDestinationType", type);
            before.put("BucketName", s.bucketName().value());
            before.put("LogExports", s.logExports().value());
            String where;
            if (enabled && ("s3".equals(type) || (type == null && s.bucketName().isPresent()))) {
                Optional<String> prefix = ctx.facts().s3KeyPrefix(scope, name);
                if (!s.bucketName().isPresent() || prefix.isEmpty()) {
                    for (String check : loggingChecks) {
                        ctx.sink()
                                .refuse(
                                        check,
                                        id(),
                                        "the S3 bucket or key prefix of the cluster's logging is not known;"
                                                + " re-enabling without them would move the logs");
                    }
                    return;
                }
                params.put("LogDestinationType", "s3");
                params.put("BucketName", s.bucketName().value());
                if (!prefix.get().isEmpty()) {
                    params.put("S3KeyPrefix", prefix.get());
                }
                before.put("S3KeyPrefix", prefix.get());
                where = "S3 bucket " + s.bucketName().value();
            } else {
                params.put("LogDestinationType", "cloudwatch");
                where = "CloudWatch Logs (/aws/redshift/cluster/" + name + "/<log>)";
            }
            params.put("LogExports", ALL_LOGS);
            calls.add(new Call("redshift", "EnableLogging", scope, params, before));
            for (String check : loggingChecks) {
                remedies.add(new Remedy(
                        check,
                        "audit logging of connectionlog, userlog and useractivitylog to " + where,
                        Impact.NONE,
                        "log storage or ingestion cost",
                        enabled
                                ? "EnableLogging with the previous destination and logs"
                                : "not undone: turning audit logging off again is a Disable call rsaudit never"
                                        + " makes"));
            }
        }
    }

    /** The name of the cluster's own copy of a group: {@code rsaudit-<cluster>}. */
    static String copyName(String cluster) {
        String n = "rsaudit-" + cluster;
        return n.length() > 255 ? n.substring(0, 255) : n;
    }
}
