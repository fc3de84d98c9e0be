package io.rsaudit.fix.plan;

import io.rsaudit.core.model.ResourceId;
import java.util.Objects;

/**
 * A failing check the fix will not repair, with the reason.
 *
 * @param flag the option that allows the remedy, or {@code null} when none does (it stays manual)
 */
public record Refusal(String checkId, ResourceId resource, String reason, String flag) {

    public Refusal {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
    }
}
