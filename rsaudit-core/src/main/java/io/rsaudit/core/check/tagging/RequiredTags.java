package io.rsaudit.core.check.tagging;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.policy.Policy;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a resource's tags against the policy's {@code requiredTagKeys}, as Security Hub does: every required key
 * present (keys compare exactly, as AWS tag keys are case-sensitive); with no key required, at least one tag of the
 * user's own ({@code aws:} tags are AWS's, and do not count).
 */
final class RequiredTags {

    private static final String FIELD = "requiredTagKeys";

    private RequiredTags() {}

    /** @param subject the resource as messages name it: "cluster analytics" */
    static Outcome judge(Value<Map<String, String>> tags, Policy policy, String subject) {
        if (!tags.isPresent()) {
            return Outcome.unknown("cannot read the tags of " + subject, tags.orUnknown("Tags has no value"));
        }
        Map<String, String> present = tags.value();
        List<String> own = present.keySet().stream()
                .filter(k -> !k.toLowerCase(Locale.ROOT).startsWith("aws:"))
                .toList();
        List<String> required = policy.requiredTagKeys();
        if (required.isEmpty()) {
            if (own.isEmpty()) {
                return Outcome.fail(
                        subject + " has no tag of its own"
                                + (present.isEmpty() ? "" : " (only aws: tags " + present.keySet() + ")")
                                + "; the policy names no required key (" + FIELD + "), so at least one tag is"
                                + " required: untagged resources escape tag-based access control, cost allocation"
                                + " and ownership",
                        tags);
            }
            return Outcome.pass(
                    subject + " carries the tags " + own + "; the policy names no required key (" + FIELD + ")", tags);
        }
        List<String> missing =
                required.stream().filter(k -> !present.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            return Outcome.fail(
                    subject + " lacks the required tag " + (missing.size() == 1 ? "key " : "keys ")
                            + String.join(", ", missing) + " (the policy's " + FIELD + " are "
                            + String.join(", ", required) + "; it carries "
                            + (present.isEmpty() ? "no tag" : String.join(", ", present.keySet())) + ")",
                    tags);
        }
        return Outcome.pass(subject + " carries every required tag key: " + String.join(", ", required), tags);
    }
}
