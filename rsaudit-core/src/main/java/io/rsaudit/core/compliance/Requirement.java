package io.rsaudit.core.compliance;

import java.util.List;
import java.util.Objects;

/**
 * One requirement of a framework: its id in that framework, its title, the checks that answer it, and, when the
 * checks answer only part of it or none, what a person has to verify and why no check can.
 *
 * @param manual {@code null} when the checks answer the requirement; otherwise why (part of) it is manual
 */
public record Requirement(String id, String title, List<String> checks, String manual) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** No check answers it: only a person can. */
    public boolean isManual() {
        return checks.isEmpty();
    }
}
