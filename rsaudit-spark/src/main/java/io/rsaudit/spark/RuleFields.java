package io.rsaudit.spark;

import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Correlation;
import io.rsaudit.core.hunt.rule.Extract;
import io.rsaudit.core.hunt.rule.FieldTest;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.rule.Selection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The raw fields a rule reads: its selections' fields ({@code *} standing for any list index), its extracts'
 * sources, its correlation's {@code by}, {@code distinct}, {@code field} and {@code of}; {@code redactions}, which
 * alerts show; the CloudTrail identifiers every CloudTrail evidence shows; and the fields its {@code fields} list
 * names for its evidence, with every field under them. A match crosses the shuffle with these raw fields only (and every common field), which is all
 * the engine on the other side reads of it.
 */
final class RuleFields {

    private RuleFields() {}

    static Predicate<String> of(Rule rule) {
        Set<String> names = new HashSet<>();
        names.add("redactions");
        // CloudTrail evidence shows the caller's and the call's ids whatever the rule reads
        names.addAll(CompiledRule.CLOUDTRAIL_IDENTIFIERS);
        List<Pattern> wildcards = new ArrayList<>();
        for (Selection s : rule.selections().values()) {
            for (List<FieldTest> tests : s.alternatives()) {
                for (FieldTest t : tests) {
                    add(t.field(), names, wildcards);
                }
            }
        }
        for (Extract x : rule.extracts().values()) {
            x.from().forEach(f -> add(f, names, wildcards));
        }
        Correlation c = rule.correlation();
        if (c != null) {
            c.by().forEach(f -> add(f, names, wildcards));
            if (c instanceof Correlation.Aggregation a && a.distinct() != null) {
                add(a.distinct(), names, wildcards);
            } else if (c instanceof Correlation.Transition t) {
                add(t.field(), names, wildcards);
            } else if (c instanceof Correlation.Novelty n) {
                n.of().forEach(f -> add(f, names, wildcards));
            }
        }
        for (String shown : rule.fields()) {
            add(shown, names, wildcards);
            wildcards.add(Pattern.compile(regex(shown) + "\\..+"));
        }
        return name -> names.contains(name)
                || wildcards.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static void add(String field, Set<String> names, List<Pattern> wildcards) {
        if (field.contains("*")) {
            wildcards.add(Pattern.compile(regex(field)));
        } else {
            names.add(field);
        }
    }

    /** {@code field} as a regular expression, {@code *} standing for any list index. */
    private static String regex(String field) {
        StringBuilder regex = new StringBuilder();
        String[] parts = field.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\\d+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString();
    }
}
