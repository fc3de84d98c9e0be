package io.rsaudit.core.scan;

import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.source.AwsCliCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a scan report opens with: the run, what was scanned against which checks and policy, and the problems met
 * while collecting. Known before the first finding.
 *
 * @param input how the scanned estate is named (the export folder, or the live accounts and regions)
 * @param policy where the policy came from ({@code built-in defaults} or its file)
 * @param failOn fails and unknowns below it do not change the verdict; {@code null} for none
 * @param scopes every account and region the inventory covers
 * @param ages the moment ages are measured from, and why that one
 */
public record ScanHeader(
        String toolVersion,
        Instant startedAt,
        String input,
        String policy,
        Severity failOn,
        List<Scope> scopes,
        List<CheckMetadata> checks,
        List<CollectionError> collectionErrors,
        AgeReference ages) {

    public ScanHeader {
        scopes = List.copyOf(scopes);
        checks = List.copyOf(checks);
        collectionErrors = List.copyOf(collectionErrors);
        Objects.requireNonNull(ages, "ages");
    }

    /** How many distinct accounts the scopes cover. */
    public long accounts() {
        return scopes.stream().map(Scope::account).distinct().count();
    }

    /** Collection errors, not counting warnings: these make the scan incomplete. */
    public long errorCount() {
        return collectionErrors.stream().filter(e -> !e.isWarning()).count();
    }

    public long warningCount() {
        return collectionErrors.size() - errorCount();
    }

    /**
     * The IAM action of the call whose output holds {@code provenance} ({@code redshift:DescribeClusters}), if any.
     * Remembered per location: an estate has some thousand files or calls, and its reports ask once per finding.
     */
    public static Optional<String> iamAction(Provenance provenance) {
        String location = provenance.location();
        Optional<String> action = ACTIONS.get(location);
        if (action == null) {
            action = AwsCliCall.ofLocation(location).map(AwsCliCall::iamAction);
            if (ACTIONS.size() >= MAX_ACTIONS) {
                ACTIONS.clear();
            }
            ACTIONS.put(location, action);
        }
        return action;
    }

    /** Bounds the memory of {@link #ACTIONS} whatever the number of locations: past it, it starts again. */
    private static final int MAX_ACTIONS = 65_536;

    private static final Map<String, Optional<String>> ACTIONS = new ConcurrentHashMap<>();
}
