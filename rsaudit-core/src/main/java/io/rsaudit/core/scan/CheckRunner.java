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
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.Suppression;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every check of a catalog on every resource of its type, then applies the policy: severity overrides and
 * suppressions. A check that throws is a bug: its outcome is unknown and the run reports an internal error.
 */
public final class CheckRunner {

    /** The findings of one run, the policy notices (expired or unused suppressions), and any internal errors. */
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

    public Run run(Inventory inventory, Policy policy, Instant now) {
        CheckContext context = new CheckContext(inventory, policy, now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Finding> findings = new ArrayList<>();
        List<String> internalErrors = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (CheckMetadata check : catalog.all()) {
            Severity severity = policy.severityOverrides().getOrDefault(check.id(), check.severity());
            for (Resource resource : inventory.resources(check.resourceType())) {
                Outcome outcome;
                try {
                    outcome = check.evaluate(resource, context);
                } catch (RuntimeException e) {
                    String what = check.id() + " failed on " + resource.id().arn() + ": " + e;
                    internalErrors.add(what);
                    outcome = new Outcome(Result.UNKNOWN, "internal error in the check (please report it): " + e, null);
                }
                Suppression suppression = null;
                if (outcome.result() == Result.FAIL || outcome.result() == Result.UNKNOWN) {
                    for (Suppression s : policy.suppressions()) {
                        if (s.matches(check.id(), resource.id())) {
                            used.add(s);
                            if (!s.isExpired(today)) {
                                suppression = s;
                                break;
                            }
                        }
                    }
                }
                findings.add(new Finding(check, resource.id(), outcome, severity, suppression));
            }
        }
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
        return new Run(findings, notices, internalErrors);
    }
}
