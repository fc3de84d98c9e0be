package io.rsaudit.core.hunt.rule;

import java.util.List;

/**
 * One line of a selection, as written: {@code sql|re: '...'}. Values are kept as text; an element
 * {@code ${policy.NAME}} stands for the policy's list of that name and is resolved when the rule is compiled.
 *
 * @param all whether every value must match ({@code |all}) instead of one of them
 * @param values the values; a {@code null} element is YAML's null
 */
public record FieldTest(String field, Modifier modifier, boolean all, List<String> values) {

    public FieldTest {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
