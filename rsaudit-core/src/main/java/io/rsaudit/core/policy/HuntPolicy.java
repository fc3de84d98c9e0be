package io.rsaudit.core.policy;

import io.rsaudit.core.model.Cidr;
import io.rsaudit.core.model.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the hunt rules take from the policy: the allow-lists they compare log values against, and per-rule
 * overrides of threshold, window, level and learning period. Rules name the allow-lists by reference
 * ({@code ${policy.hunt.allowedCidrs}}); see {@code docs/policy.md}.
 *
 * @param allowedCidrs office, VPN and application networks that may connect (RSH-AUTH-005)
 * @param allowedBuckets S3 buckets UNLOAD may write to (RSH-EXFIL-001)
 * @param auditLogBuckets buckets audit logs may be delivered to (RSH-CT-002)
 * @param adminUsers database users with admin rights: their use is watched, and their recon is not recon
 * @param thresholds rule id to the count its aggregation or sequence must reach, replacing the rule's own
 * @param levels rule id to the level its alerts are reported at, replacing the rule's own
 * @param learning rule id to the learning period of its novelty, replacing the rule's own
 * @param windows rule id to the window of its aggregation or sequence ({@code within}), replacing the rule's own
 */
public record HuntPolicy(
        List<Cidr> allowedCidrs,
        Set<String> allowedBuckets,
        Set<String> auditLogBuckets,
        Set<String> adminUsers,
        Map<String, Integer> thresholds,
        Map<String, Severity> levels,
        Map<String, Duration> learning,
        Map<String, Duration> windows) {

    /** The admin user names used when the policy names none: the console's default and the common alternative. */
    public static final Set<String> DEFAULT_ADMIN_USERS = Set.of("awsuser", "admin");

    public HuntPolicy {
        allowedCidrs = List.copyOf(allowedCidrs);
        allowedBuckets = Set.copyOf(allowedBuckets);
        auditLogBuckets = Set.copyOf(auditLogBuckets);
        adminUsers = Set.copyOf(adminUsers);
        thresholds = Map.copyOf(thresholds);
        levels = Map.copyOf(levels);
        learning = Map.copyOf(learning);
        windows = Map.copyOf(windows);
    }

    public static HuntPolicy defaults() {
        return new HuntPolicy(
                List.of(), Set.of(), Set.of(), DEFAULT_ADMIN_USERS, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
