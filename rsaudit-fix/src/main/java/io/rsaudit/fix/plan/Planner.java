package io.rsaudit.fix.plan;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.ClusterSnapshot;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Namespace;
import io.rsaudit.core.model.Resource;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.ServerlessSnapshot;
import io.rsaudit.core.model.Workgroup;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.scan.CheckRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scans an inventory and plans the remedies of its failing findings (not suppressed, within the options' checks and
 * resources), resource by resource in inventory order. Unknown findings are counted, never planned: a fix needs to
 * know what is wrong.
 */
public final class Planner {

    private final CheckCatalog catalog;
    private final Policy policy;
    private final FixOptions options;
    private final Facts facts;

    public Planner(CheckCatalog catalog, Policy policy, FixOptions options, Facts facts) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.options = Objects.requireNonNull(options, "options");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** The plan for every failing finding of {@code inventory}. */
    public Plan plan(Inventory inventory, String source, Instant now) {
        CheckRunner.Run run = new CheckRunner(catalog).run(inventory, policy, now);
        Map<ResourceId, List<String>> failing = new LinkedHashMap<>();
        long unknown = 0;
        for (Finding f : run.findings()) {
            if (f.isSuppressed() || !wanted(f)) {
                continue;
            }
            if (f.result() == Result.FAIL) {
                failing.computeIfAbsent(f.resource(), k -> new ArrayList<>())
                        .add(f.check().id());
            } else if (f.result() == Result.UNKNOWN) {
                unknown++;
            }
        }
        Sink sink = new Sink();
        Context context = new Context(new CheckContext(inventory, policy, now), options, facts, sink);
        List<ResourcePlan> plans = new ArrayList<>();
        for (ResourceType type : ResourceType.values()) {
            for (Resource r : inventory.resources(type)) {
                List<String> checks = failing.get(r.id());
                if (checks == null) {
                    continue;
                }
                ResourcePlan p = planOne(r, checks, context);
                if (p != null && !p.remedies().isEmpty()) {
                    plans.add(p);
                }
            }
        }
        return new Plan(now, source, plans, sink.refused, sink.manual, unknown);
    }

    /** The plan of one resource for its failing checks, or {@code null} when nothing can be done automatically. */
    static ResourcePlan planOne(Resource r, List<String> checks, Context context) {
        if (r instanceof Cluster c) {
            return ClusterRemedies.plan(c, checks, context);
        }
        if (r instanceof ClusterSnapshot s) {
            return SnapshotRemedies.plan(s, checks, context);
        }
        if (r instanceof KmsKey k) {
            return KeyRemedies.plan(k, checks, context);
        }
        if (r instanceof Workgroup w) {
            return ServerlessRemedies.workgroup(w, checks, context);
        }
        if (r instanceof Namespace n) {
            return ServerlessRemedies.namespace(n, checks, context);
        }
        if (r instanceof ServerlessSnapshot s) {
            return ServerlessRemedies.snapshot(s, checks, context);
        }
        for (String id : checks) {
            context.sink().manual(id, r.id());
        }
        return null;
    }

    private boolean wanted(Finding f) {
        if (!options.onlyChecks().isEmpty()
                && !options.onlyChecks().contains(f.check().id())) {
            return false;
        }
        return options.resources().isEmpty()
                || options.resources().contains(f.resource().arn())
                || options.resources().contains(f.resource().name());
    }

    /** What the remedies of one run share. */
    record Context(CheckContext checks, FixOptions options, Facts facts, Sink sink) {
        Inventory inventory() {
            return checks.inventory();
        }

        Policy policy() {
            return checks.policy();
        }
    }

    /** Collects the refusals and the manual failures. */
    static final class Sink {
        final List<Refusal> refused = new ArrayList<>();
        final List<Refusal> manual = new ArrayList<>();

        void refuse(String checkId, ResourceId resource, String reason, String flag) {
            refused.add(new Refusal(checkId, resource, reason, flag));
        }

        /** A refusal no option lifts. */
        void refuse(String checkId, ResourceId resource, String reason) {
            refused.add(new Refusal(checkId, resource, reason, null));
        }

        void manual(String checkId, ResourceId resource) {
            manual.add(new Refusal(checkId, resource, ManualChecks.reason(checkId), null));
        }
    }
}
