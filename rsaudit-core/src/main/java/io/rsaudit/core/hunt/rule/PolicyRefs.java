package io.rsaudit.core.hunt.rule;

import io.rsaudit.core.model.Cidr;
import io.rsaudit.core.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The policy lists a rule value may name as {@code ${policy.NAME}}. */
final class PolicyRefs {

    static final Pattern REF = Pattern.compile("\\$\\{([^}]*)}");

    private static final Map<String, Function<Policy, List<String>>> LISTS = Map.of(
            "policy.trustedAccounts", p -> List.copyOf(p.trustedAccounts()),
            "policy.trustedOrganizations", p -> List.copyOf(p.trustedOrganizations()),
            "policy.hunt.allowedCidrs",
                    p -> p.hunt().allowedCidrs().stream().map(Cidr::toString).toList(),
            "policy.hunt.allowedBuckets", p -> List.copyOf(p.hunt().allowedBuckets()),
            "policy.hunt.auditLogBuckets", p -> List.copyOf(p.hunt().auditLogBuckets()),
            "policy.hunt.adminUsers", p -> List.copyOf(p.hunt().adminUsers()));

    private PolicyRefs() {}

    /** The reference name if the whole value is one reference, {@code null} if it is plain text. */
    static String refName(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = REF.matcher(value.trim());
        return m.matches() ? m.group(1) : null;
    }

    static boolean known(String name) {
        return LISTS.containsKey(name);
    }

    static String names() {
        return String.join(", ", new java.util.TreeSet<>(LISTS.keySet()));
    }

    static List<String> resolve(String name, Policy policy) {
        return LISTS.get(name).apply(policy);
    }
}
