package io.rsaudit.fix.plan;

import io.rsaudit.core.model.ResourceId;
import java.util.Objects;

/**
 * A failing check the fix will not repair, with the reason.
 *
 * @param flag the option that allows the remedy, or {@code null} when none does: the refusal is final for this run,
 *     and the reason says why
 */
public record Refusal(String checkId, ResourceId resource, String reason, String flag) {

    public Refusal {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether running again with {@link #flag} would plan the remedy. */
    public boolean allowedByFlag() {
        return flag != null;
    }
}
