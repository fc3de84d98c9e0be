package io.rsaudit.core.compliance;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One compliance framework: its id on the command line ({@code fsbp}, {@code pci-4.0.1}), its name and version, the
 * text it was mapped from, and its requirements in the framework's order.
 *
 * @param unmapped checks this framework has no requirement for, each with why; read by the test that every check
 *     is mapped by FSBP or says why not
 */
public record Framework(
        String id,
        String name,
        String version,
        String source,
        List<Requirement> requirements,
        Map<String, String> unmapped) {

    public Framework {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        requirements = List.copyOf(requirements);
        unmapped = unmapped == null ? Map.of() : Map.copyOf(unmapped);
    }

    /** The requirements {@code checkId} answers, in the framework's order. */
    public List<Requirement> requirementsOf(String checkId) {
        return requirements.stream().filter(r -> r.checks().contains(checkId)).toList();
    }
}
