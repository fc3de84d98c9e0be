package io.rsaudit.core.scan;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The scan, for any front end (the CLI, a test, a batch job): loads the inventory, runs every check of the catalog
 * on it under the policy, and hands the header, then each finding, to a {@link ScanListener} as they come; returns
 * the summary. Findings are not kept: memory holds the inventory and the counts, whatever the number of findings.
 * Nothing here prints, exits or decides an exit code.
 */
public final class Scan {

    private final CheckCatalog catalog;
    private final Policy policy;
    private final Clock clock;
    private final String toolVersion;

    /**
     * @param clock gives the run's start and end (and the moment checks judge ages by when neither {@code --as-of} nor
     *     the export says when the estate was collected: {@link AgeReference})
     * @param toolVersion the version reports name
     */
    public Scan(CheckCatalog catalog, Policy policy, Clock clock, String toolVersion) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /**
     * Scans {@code input}.
     *
     * @param failOn failing and unknown findings below it do not change the verdict; {@code null} for none
     */
    public ScanSummary run(ScanInput input, Severity failOn, ScanListener listener) {
        Instant started = clock.instant();
        Inventory inventory = input.source().load();
        AgeReference ages = AgeReference.of(input.asOf(), inventory, started);
        ScanHeader header = new ScanHeader(
                toolVersion,
                started,
                input.description(),
                policy.source(),
                failOn,
                inventory.scopes(),
                catalog.all(),
                inventory.errors(),
                ages);
        listener.started(header);
        Tally tally = new Tally(failOn, listener);
        CheckRunner.Notes notes = new CheckRunner(catalog).run(inventory, policy, ages.at(), tally);
        long errors = header.errorCount();
        return new ScanSummary(
                clock.instant(),
                tally.findings,
                tally.results,
                tally.suppressed,
                tally.failBySeverity,
                tally.failsAtThreshold,
                tally.unknownsAtThreshold,
                notes.policyNotices(),
                notes.internalErrors(),
                errors,
                ScanSummary.verdict(
                        !notes.internalErrors().isEmpty(), tally.failsAtThreshold, tally.unknownsAtThreshold, errors));
    }

    /** Counts findings on their way to the listener. */
    private static final class Tally implements ScanListener {
        private final Severity failOn;
        private final ScanListener next;
        private final Map<Result, Long> results = new EnumMap<>(Result.class);
        private final Map<Severity, Long> failBySeverity = new EnumMap<>(Severity.class);
        long findings;
        long suppressed;
        long failsAtThreshold;
        long unknownsAtThreshold;

        Tally(Severity failOn, ScanListener next) {
            this.failOn = failOn;
            this.next = next;
            for (Result r : Result.values()) {
                results.put(r, 0L);
            }
            for (Severity s : Severity.values()) {
                failBySeverity.put(s, 0L);
            }
        }

        @Override
        public void finding(Finding f) {
            findings++;
            if (f.isSuppressed()) {
                suppressed++;
            } else {
                results.merge(f.result(), 1L, Long::sum);
                boolean atThreshold = failOn != null && f.severity().atLeast(failOn);
                if (f.result() == Result.FAIL) {
                    failBySeverity.merge(f.severity(), 1L, Long::sum);
                    failsAtThreshold += atThreshold ? 1 : 0;
                } else if (f.result() == Result.UNKNOWN) {
                    unknownsAtThreshold += atThreshold ? 1 : 0;
                }
            }
            next.finding(f);
        }

        @Override
        public void checked(io.rsaudit.core.check.CheckMetadata check, int resources) {
            next.checked(check, resources);
        }
    }
}
