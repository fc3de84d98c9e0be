package io.rsaudit.core.hunt.rule;

import java.util.List;

/**
 * A named selection: a map of field tests that must all hold, or a list of such maps of which one must hold.
 * A {@code *} in a field name stands for a list index (CloudTrail's {@code parameters.0.parameterName}); the
 * wildcard fields of one map must hold for the same element.
 */
public record Selection(String name, List<List<FieldTest>> alternatives) {

    public Selection {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }
}
