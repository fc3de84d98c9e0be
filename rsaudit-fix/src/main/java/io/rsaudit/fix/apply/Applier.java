package io.rsaudit.fix.apply;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.scan.CheckRunner;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.Facts;
import io.rsaudit.fix.plan.FixOptions;
import io.rsaudit.fix.plan.MaintenanceWindow;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Planner;
import io.rsaudit.fix.plan.Refusal;
import io.rsaudit.fix.plan.ResourcePlan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Executes a plan one resource at a time: re-reads the resource's account and region and re-plans it from what is
 * there now (a resource already compliant is skipped with no write call, one whose checks cannot be judged now is
 * left alone; a read made after the last write call is not made again: {@link FreshReads}); makes its calls in
 * order, journaling each, and stops the resource's calls at the first error; after a call that leaves the resource
 * busy, waits until it is available again before the next call and before the verification ({@link Waiter});
 * re-reads and verifies that the checks now pass, or records the parameters that wait for a reboot and when. A call
 * a resumed journal shows done is not made again.
 */
public final class Applier {

    private final CheckCatalog catalog;
    private final Policy policy;
    private final FixOptions options;
    private final Facts facts;
    private final FixClient client;
    private final EstateReader reader;
    private final Journal journal;
    private final Waiter waiter;
    private final Clock clock;
    private final Consumer<String> progress;

    public Applier(
            CheckCatalog catalog,
            Policy policy,
            FixOptions options,
            Facts facts,
            FixClient client,
            EstateReader reader,
            Journal journal,
            Waiter waiter,
            Clock clock,
            Consumer<String> progress) {
        this.catalog = catalog;
        this.policy = policy;
        this.options = options;
        this.facts = facts;
        this.client = client;
        this.reader = reader;
        this.journal = journal;
        this.waiter = waiter;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Applies {@code plan}.
     *
     * @param done the keys ({@link Call#key()}) of calls a previous run's journal shows made: not made again
     */
    public ApplyReport apply(Plan plan, Set<String> done) {
        List<ApplyReport.Outcome> outcomes = new ArrayList<>();
        int made = 0;
        int failed = 0;
        FreshReads reads = new FreshReads(reader);
        for (ResourcePlan planned : plan.resources()) {
            ResourceId id = planned.resource();
            Inventory now = reads.read(id.scope());
            Judged judged = judge(now, id, planned.checkIds());
            List<String> failing = judged.failing();
            if (failing.isEmpty() && !judged.unknown().isEmpty()) {
                String detail = "cannot tell now whether it still fails, so nothing is changed: " + judged.why();
                resourceEntry(id, "unknown", detail);
                outcomes.add(new ApplyReport.Outcome(id.arn(), "unknown", detail));
                continue;
            }
            if (failing.isEmpty()) {
                resourceEntry(id, "skipped", "already compliant: " + String.join(", ", planned.checkIds()));
                outcomes.add(new ApplyReport.Outcome(id.arn(), "skipped", "already compliant"));
                progress.accept("skipped (already compliant) " + id.arn());
                continue;
            }
            FixOptions narrow = new FixOptions(
                    Set.copyOf(failing),
                    Set.of(id.arn()),
                    options.allowReboot(),
                    options.allowStopCopy(),
                    options.migrationKeyId(),
                    options.allowKeyRotation());
            Plan fresh = new Planner(catalog, policy, narrow, facts).plan(now, plan.source(), clock.instant());
            Optional<ResourcePlan> again = fresh.resources().stream()
                    .filter(r -> r.resource().arn().equals(id.arn()))
                    .findFirst();
            for (Refusal r : fresh.refused()) {
                resourceEntry(id, "refused", r.checkId() + ": " + r.reason());
            }
            if (again.isEmpty() || again.get().calls().isEmpty()) {
                String why = again.isPresent()
                        ? String.join("; ", again.get().notes())
                        : "nothing can be done now (see the refusals)";
                if (again.isPresent() && !again.get().pendingParameters().isEmpty()) {
                    pendingEntry(id, why);
                    outcomes.add(new ApplyReport.Outcome(id.arn(), "pending", why));
                } else {
                    resourceEntry(id, "refused", why);
                    outcomes.add(new ApplyReport.Outcome(id.arn(), "refused", why));
                }
                continue;
            }
            ResourcePlan r = again.get();
            CallFailure error = null;
            Call failedCall = null;
            String busy = null;
            String stuck = null;
            for (Call call : r.calls()) {
                if (done.contains(call.key())) {
                    callEntry(call, id, "done-before", null, null, "made by the run this one resumes");
                    // the change it started may still be under way
                    busy = Waiter.leavesBusy(call) ? call.iamAction() : busy;
                    continue;
                }
                if (busy != null && (stuck = await(id, busy, call.iamAction())) != null) {
                    break;
                }
                reads.wrote();
                try {
                    String requestId = client.call(call);
                    made++;
                    busy = Waiter.leavesBusy(call) ? call.iamAction() : null;
                    callEntry(call, id, "ok", requestId, null, null);
                    progress.accept("ok " + call.iamAction() + " " + id.arn());
                } catch (CallFailure e) {
                    failed++;
                    error = e;
                    failedCall = call;
                    callEntry(call, id, "error", e.requestId(), e, null);
                    progress.accept("error " + call.iamAction() + " " + id.arn() + ": " + e.code());
                    break;
                }
            }
            if (error != null || stuck != null) {
                String detail = error != null
                        ? failedCall.iamAction() + " failed (" + error.code() + ": " + error.getMessage()
                                + "); the resource's later calls were not made"
                        : stuck + "; the resource's later calls were not made";
                resourceEntry(id, "failed", detail);
                outcomes.add(new ApplyReport.Outcome(id.arn(), "failed", detail));
                continue;
            }
            if (busy != null && (stuck = await(id, busy, "the verification")) != null) {
                resourceEntry(id, "not-verified", stuck);
                outcomes.add(new ApplyReport.Outcome(id.arn(), "not-verified", stuck));
                continue;
            }
            outcomes.add(verify(id, r, reads.read(id.scope())));
        }
        return new ApplyReport(outcomes, made, failed);
    }

    /**
     * Waits until the resource {@code after} left busy is available for {@code next}; journals a wait that took a
     * poll more than one. Returns {@code null} when it is available, else why the resource stops.
     */
    private String await(ResourceId id, String after, String next) {
        Waiter.Result w;
        try {
            w = waiter.await(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the resource after " + after + ", before " + next;
        }
        if (w.available()) {
            if (w.polls() > 1) {
                resourceEntry(id, "waited", w.describe() + " after " + after + ", before " + next);
            }
            return null;
        }
        return "the resource is " + w.describe() + " after " + after + ", so " + next + " was not started";
    }

    private ApplyReport.Outcome verify(ResourceId id, ResourcePlan r, Inventory after) {
        Judged judged = judge(after, id, r.checkIds());
        List<String> still = judged.failing();
        if (still.isEmpty() && !judged.unknown().isEmpty()) {
            String detail = "cannot tell whether the checks pass now: " + judged.why();
            resourceEntry(id, "not-verified", detail);
            return new ApplyReport.Outcome(id.arn(), "not-verified", detail);
        }
        if (still.isEmpty()) {
            resourceEntry(id, "verified", "now passing: " + String.join(", ", r.checkIds()));
            return new ApplyReport.Outcome(id.arn(), "verified", String.join(", ", r.checkIds()));
        }
        if (!r.pendingParameters().isEmpty() && pending(after, id, r.pendingParameters())) {
            String detail = "set, pending: " + String.join(", ", r.pendingParameters()) + " take(s) effect "
                    + MaintenanceWindow.whenPending(facts, id.scope(), id.name(), clock.instant())
                    + "; still failing until then: " + String.join(", ", still);
            pendingEntry(id, detail);
            return new ApplyReport.Outcome(id.arn(), "pending", detail);
        }
        String detail = "still failing after the calls: " + String.join(", ", still);
        resourceEntry(id, "not-verified", detail);
        return new ApplyReport.Outcome(id.arn(), "not-verified", detail);
    }

    /** Whether every parameter is true in the cluster's group and waits for a reboot. */
    private boolean pending(Inventory inventory, ResourceId id, List<String> parameters) {
        for (Cluster c : inventory.clusters()) {
            if (c.id().arn().equals(id.arn())) {
                CheckContext ctx = new CheckContext(inventory, policy, clock.instant());
                return parameters.stream()
                        .allMatch(p -> ClusterParameters.isTrue(ClusterParameters.read(c, ctx, p, "false"))
                                && ClusterParameters.pendingReboot(c, p));
            }
        }
        return false;
    }

    /**
     * The results of the planned checks on the resource now.
     *
     * @param failing the checks that fail
     * @param unknown the checks that cannot be judged, with why
     */
    private record Judged(List<String> failing, Map<String, String> unknown) {
        String why() {
            List<String> out = new ArrayList<>();
            unknown.forEach((check, reason) -> out.add(check + ": " + reason));
            return String.join("; ", out);
        }
    }

    /** The planned checks' results on the resource now (a resource that is gone fails none). */
    private Judged judge(Inventory inventory, ResourceId id, List<String> checks) {
        Set<String> wanted = new HashSet<>(checks);
        List<String> failing = new ArrayList<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (Finding f :
                new CheckRunner(catalog).run(inventory, policy, clock.instant()).findings()) {
            if (!f.resource().arn().equals(id.arn())
                    || !wanted.contains(f.check().id())) {
                continue;
            }
            if (f.result() == Result.FAIL) {
                failing.add(f.check().id());
            } else if (f.result() == Result.UNKNOWN) {
                unknown.put(f.check().id(), f.outcome().message());
            }
        }
        return new Judged(failing, unknown);
    }

    private void callEntry(Call call, ResourceId id, String outcome, String requestId, CallFailure e, String note) {
        journal.write(new JournalEntry(
                clock.instant(),
                JournalEntry.APPLY,
                call.scope().account(),
                call.scope().region(),
                id.arn(),
                call.iamAction(),
                call.params(),
                call.before(),
                outcome,
                requestId,
                e == null ? null : e.code(),
                e == null ? null : e.getMessage(),
                note));
    }

    /** A pending resource, with when its next maintenance window opens. */
    private void pendingEntry(ResourceId id, String note) {
        resourceEntry(
                id,
                "pending",
                note,
                MaintenanceWindow.nextOpening(facts, id.scope(), id.name(), clock.instant())
                        .orElse(null));
    }

    private void resourceEntry(ResourceId id, String outcome, String note) {
        resourceEntry(id, outcome, note, null);
    }

    private void resourceEntry(ResourceId id, String outcome, String note, Instant takesEffect) {
        journal.write(new JournalEntry(
                clock.instant(),
                JournalEntry.APPLY,
                id.scope().account(),
                id.scope().region(),
                id.arn(),
                null,
                null,
                null,
                outcome,
                null,
                null,
                null,
                note,
                takesEffect));
    }

    /** The keys of the calls a journal shows made by an apply. */
    public static Set<String> done(List<JournalEntry> journal) {
        Set<String> keys = new HashSet<>();
        for (JournalEntry e : journal) {
            if (e.isCall() && e.ok() && e.phase().equals(JournalEntry.APPLY)) {
                keys.add(e.key());
            }
        }
        return keys;
    }
}
