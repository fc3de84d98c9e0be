package io.rsaudit.core.report;

import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * An immutable record of one scan.
 *
 * @param failOn the threshold: fails and unknowns below it do not change the verdict; {@code null} for none
 */
public record Report(
        String toolVersion,
        Instant startedAt,
        Instant finishedAt,
        String input,
        String policy,
        List<Scope> scopes,
        List<CheckMetadata> checks,
        List<CollectionError> collectionErrors,
        List<Finding> findings,
        List<String> policyNotices,
        List<String> internalErrors,
        Severity failOn) {

    public Report {
        scopes = List.copyOf(scopes);
        checks = List.copyOf(checks);
        collectionErrors = List.copyOf(collectionErrors);
        findings = List.copyOf(findings);
        policyNotices = List.copyOf(policyNotices);
        internalErrors = List.copyOf(internalErrors);
    }

    public Verdict verdict() {
        if (!internalErrors.isEmpty()) {
            return Verdict.INTERNAL_ERROR;
        }
        if (countOpen(Result.FAIL) > 0) {
            return Verdict.FINDINGS;
        }
        if (errorCount() > 0 || countOpen(Result.UNKNOWN) > 0) {
            return Verdict.INCOMPLETE;
        }
        return Verdict.CLEAN;
    }

    /** Open (unsuppressed) findings with this result at or above the threshold. */
    public long countOpen(Result result) {
        return findings.stream()
                .filter(f -> f.result() == result && !f.isSuppressed() && atThreshold(f))
                .count();
    }

    public boolean atThreshold(Finding f) {
        return failOn != null && f.severity().atLeast(failOn);
    }

    /** Collection errors, not counting warnings. */
    public long errorCount() {
        return collectionErrors.stream().filter(e -> !e.isWarning()).count();
    }
}
