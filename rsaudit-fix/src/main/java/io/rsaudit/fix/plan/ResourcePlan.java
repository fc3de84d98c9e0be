package io.rsaudit.fix.plan;

import io.rsaudit.core.model.ResourceId;
import java.util.List;

/**
 * What the fix does to one resource: its remedies and the calls, in the order they run. The calls stop at the first
 * error. A plan with remedies but no calls waits for something (a reboot) that the options do not allow.
 *
 * @param checkIds the failing checks the plan repairs; the apply verifies these
 * @param pendingParameters static parameters the calls change, which take effect at the next reboot
 * @param notes what a person should know besides the remedies (a change already pending a reboot)
 */
public record ResourcePlan(
        ResourceId resource,
        List<String> checkIds,
        List<Remedy> remedies,
        List<Call> calls,
        List<String> pendingParameters,
        List<String> notes) {

    public ResourcePlan {
        checkIds = List.copyOf(checkIds);
        remedies = List.copyOf(remedies);
        calls = List.copyOf(calls);
        pendingParameters = List.copyOf(pendingParameters);
        notes = List.copyOf(notes);
    }
}
