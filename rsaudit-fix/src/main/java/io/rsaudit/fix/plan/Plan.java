package io.rsaudit.fix.plan;

import java.time.Instant;
import java.util.List;

/**
 * The whole plan of one run.
 *
 * @param source what was scanned: the export folder or the live accounts
 * @param resources the resources with something to do, in inventory order
 * @param refused remedies the safety rules or the options hold back: with the flag that allows them, or final (no
 *     flag does) with the reason
 * @param manual failing checks with no automatic remedy, and why
 * @param unknownFindings findings the scan could not judge: nothing is planned for them
 */
public record Plan(
        Instant created,
        String source,
        List<ResourcePlan> resources,
        List<Refusal> refused,
        List<Refusal> manual,
        long unknownFindings) {

    public Plan {
        resources = List.copyOf(resources);
        refused = List.copyOf(refused);
        manual = List.copyOf(manual);
    }

    /** The refusals a flag would lift, in plan order. */
    public List<Refusal> refusedUnlessFlagged() {
        return refused.stream().filter(Refusal::allowedByFlag).toList();
    }

    /** The refusals no flag lifts, in plan order. */
    public List<Refusal> refusedFinally() {
        return refused.stream().filter(r -> !r.allowedByFlag()).toList();
    }

    public int callCount() {
        return resources.stream().mapToInt(r -> r.calls().size()).sum();
    }
}
