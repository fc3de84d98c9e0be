package io.rsaudit.core.scan;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Resource;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.parallel.InOrder;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.Suppression;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs every check of a catalog on every resource of its type, then applies the policy: severity overrides and
 * suppressions. Each finding goes to the caller as soon as it is made ({@link #run(Inventory, Policy, Instant,
 * ScanListener)}), so memory does not grow with the number of findings. A check that throws is a bug: its outcome
 * is unknown and the run reports an internal error.
 */
public final class CheckRunner {

    /** What a run says besides its findings: policy notices (expired or unused suppressions) and internal errors. */
    public record Notes(List<String> policyNotices, List<String> internalErrors) {

        public Notes {
            policyNotices = List.copyOf(policyNotices);
            internalErrors = List.copyOf(internalErrors);
        }
    }

    /** The findings of one run, kept in memory, with its notes: for tests and measurements of the checks alone. */
    public record Run(List<Finding> findings, List<String> policyNotices, List<String> internalErrors) {

        public Run {
            findings = List.copyOf(findings);
            policyNotices = List.copyOf(policyNotices);
            internalErrors = List.copyOf(internalErrors);
        }
    }

    private final CheckCatalog catalog;

    public CheckRunner(CheckCatalog catalog) {
        this.catalog = catalog;
    }

    /** Runs the checks and keeps every finding in a list. */
    public Run run(Inventory inventory, Policy policy, Instant now) {
        List<Finding> findings = new ArrayList<>();
        Notes notes = run(inventory, policy, now, new ScanListener() {
            @Override
            public void finding(Finding finding) {
                findings.add(finding);
            }
        });
        return new Run(findings, notes.policyNotices(), notes.internalErrors());
    }

    /**
     * Runs the checks, handing each finding to {@code listener} as it is made (checks in catalog order, resources in
     * inventory order) and telling it when a check is done. The listener is called on this thread, in that order,
     * whatever the number of cores: the checks judge slices of resources on the other cores (checks and the
     * inventory are immutable), a bounded number of slices ahead, while this thread hands the judged ones on.
     */
    public Notes run(Inventory inventory, Policy policy, Instant now, ScanListener listener) {
        CheckContext context = new CheckContext(inventory, policy, now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<Suppression> used = ConcurrentHashMap.newKeySet();
        List<Slice> slices = new ArrayList<>();
        for (CheckMetadata check : catalog.all()) {
            Severity severity = policy.severityOverrides().getOrDefault(check.id(), check.severity());
            List<? extends Resource> resources = inventory.resources(check.resourceType());
            for (int from = 0; from < resources.size() || from == 0; from += SLICE) {
                int to = Math.min(resources.size(), from + SLICE);
                slices.add(new Slice(
                        check, severity, resources.subList(from, to), to == resources.size() ? resources.size() : -1));
            }
        }
        List<String> internalErrors = new ArrayList<>();
        InOrder.map(
                slices,
                slice -> slice.judge(context, policy, today, used),
                judged -> judged.hand(listener, internalErrors));
        return new Notes(notices(policy, today, used), internalErrors);
    }

    /** Resources a task judges at once: enough to make handing them over cheap, few enough to keep memory flat. */
    private static final int SLICE = 1024;

    /**
     * One check on consecutive resources of its type; {@code total} is the number of resources of the type when this
     * is the check's last slice, else -1.
     */
    private record Slice(CheckMetadata check, Severity severity, List<? extends Resource> resources, int total) {

        Judged judge(CheckContext context, Policy policy, LocalDate today, Set<Suppression> used) {
            List<Finding> findings = new ArrayList<>(resources.size());
            List<String> errors = new ArrayList<>(0);
            for (Resource resource : resources) {
                Outcome outcome;
                try {
                    outcome = check.evaluate(resource, context);
                } catch (RuntimeException e) {
                    errors.add(check.id() + " failed on " + resource.id().arn() + ": " + e);
                    outcome = Outcome.checkFailed(e);
                }
                Suppression suppression = null;
                if (outcome.result() == Result.FAIL || outcome.result() == Result.UNKNOWN) {
                    suppression = suppression(policy, check, resource, today, used::add);
                }
                findings.add(new Finding(check, resource.id(), outcome, severity, suppression));
            }
            return new Judged(this, findings, errors);
        }
    }

    /** A slice's findings, and what the checks threw on it. */
    private record Judged(Slice slice, List<Finding> findings, List<String> errors) {

        void hand(ScanListener listener, List<String> internalErrors) {
            internalErrors.addAll(errors);
            for (Finding f : findings) {
                listener.finding(f);
            }
            if (slice.total() >= 0) {
                listener.checked(slice.check(), slice.total());
            }
        }
    }

    private static Suppression suppression(
            Policy policy, CheckMetadata check, Resource resource, LocalDate today, Consumer<Suppression> used) {
        for (Suppression s : policy.suppressions()) {
            if (s.matches(check.id(), resource.id())) {
                used.accept(s);
                if (!s.isExpired(today)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static List<String> notices(Policy policy, LocalDate today, Set<Suppression> used) {
        List<String> notices = new ArrayList<>();
        for (Suppression s : policy.suppressions()) {
            if (s.isExpired(today)) {
                notices.add(s.where() + ": the suppression of " + s.check() + " for '" + s.resource() + "' expired on "
                        + s.expires() + " and no longer suppresses anything"
                        + (used.contains(s) ? "" : " (it matched no finding)"));
            } else if (!used.contains(s)) {
                notices.add(s.where() + ": the suppression of " + s.check() + " for '" + s.resource()
                        + "' matched no failing or unknown finding; remove it if the risk is gone");
            }
        }
        return notices;
    }
}
