package io.rsaudit.core.scan;

import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a scan report closes with, known once the last finding is out: the counts, the notes and the verdict.
 *
 * @param findings every finding, suppressed ones included
 * @param results unsuppressed findings by result (every result present, zero or more)
 * @param suppressed failing or unknown findings a suppression covers
 * @param failBySeverity unsuppressed failing findings by effective severity (every severity present)
 * @param failsAtThreshold unsuppressed failing findings at or above the threshold
 * @param unknownsAtThreshold unsuppressed unknown findings at or above the threshold
 * @param policyNotices expired suppressions, and suppressions that matched nothing
 * @param internalErrors checks that threw (bugs in rsaudit)
 * @param collectionErrors collection errors, not counting warnings
 */
public record ScanSummary(
        Instant finishedAt,
        long findings,
        Map<Result, Long> results,
        long suppressed,
        Map<Severity, Long> failBySeverity,
        long failsAtThreshold,
        long unknownsAtThreshold,
        List<String> policyNotices,
        List<String> internalErrors,
        long collectionErrors,
        Verdict verdict) {

    public ScanSummary {
        results = Map.copyOf(results);
        failBySeverity = Map.copyOf(failBySeverity);
        policyNotices = List.copyOf(policyNotices);
        internalErrors = List.copyOf(internalErrors);
    }

    /** The verdict of a scan: a bug first, then certain failures, then a partial picture. */
    public static Verdict verdict(
            boolean internalErrors, long failsAtThreshold, long unknownsAtThreshold, long collectionErrors) {
        if (internalErrors) {
            return Verdict.INTERNAL_ERROR;
        }
        if (failsAtThreshold > 0) {
            return Verdict.FINDINGS;
        }
        if (collectionErrors > 0 || unknownsAtThreshold > 0) {
            return Verdict.INCOMPLETE;
        }
        return Verdict.CLEAN;
    }
}
