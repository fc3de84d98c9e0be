package io.rsaudit.core.hunt.rule;

import io.rsaudit.core.hunt.Cidr;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.Residency;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule bound to a policy: its policy references resolved, its patterns and networks compiled, its threshold
 * possibly replaced by the policy's. Immutable, so one instance serves every reading thread.
 */
public final class CompiledRule {

    private final Rule rule;
    private final Correlation correlation;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Test>> selections = new ArrayList<>();
    private final List<Condition> steps;

    private CompiledRule(Rule rule, Policy policy) {
        this.rule = rule;
        this.correlation = withThreshold(rule.correlation(), policy.hunt().thresholds().get(rule.id()));
        for (Selection s : rule.selections().values()) {
            index.put(s.name(), selections.size());
            List<Test> alternatives = new ArrayList<>();
            for (List<FieldTest> tests : s.alternatives()) {
                alternatives.add(new Test(tests.stream().map(t -> compile(t, policy)).toList()));
            }
            selections.add(alternatives);
        }
        steps = correlation instanceof Correlation.Sequence seq
                ? seq.steps().stream().map(Correlation.Step::condition).toList() : List.of();
    }

    public static CompiledRule of(Rule rule, Policy policy) {
        return new CompiledRule(rule, policy);
    }

    public Rule rule() {
        return rule;
    }

    /** The rule's correlation with the policy's threshold applied; {@code null} for a rule without one. */
    public Correlation correlation() {
        return correlation;
    }

    public boolean reads(LogType type) {
        return rule.logTypes().contains(type);
    }

    /**
     * Whether the event matches: for a sequence, the bit set of the steps it matches (0 for none); otherwise 1 when
     * the condition holds and 0 when not. Thread-safe.
     */
    public int match(Event event) {
        EventView view = new EventView(event, rule.extracts());
        Boolean[] memo = new Boolean[selections.size()];
        java.util.function.Predicate<String> holds = name -> {
            int i = index.get(name);
            if (memo[i] == null) {
                memo[i] = holds(selections.get(i), view);
            }
            return memo[i];
        };
        if (steps.isEmpty()) {
            return rule.condition().test(holds) ? 1 : 0;
        }
        int mask = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).test(holds)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** The values of the correlation's {@code by} fields for this event (extracted fields included). */
    public List<String> key(Event event) {
        if (correlation == null || correlation.by().isEmpty()) {
            return List.of();
        }
        EventView view = new EventView(event, rule.extracts());
        List<String> key = new ArrayList<>(correlation.by().size());
        for (String f : correlation.by()) {
            key.add(view.field(f));
        }
        return key;
    }

    /** A value the rule reads, extracted fields included. */
    public String field(Event event, String name) {
        return new EventView(event, rule.extracts()).field(name);
    }

    private static boolean holds(List<Test> alternatives, EventView view) {
        for (Test t : alternatives) {
            if (t.holds(view)) {
                return true;
            }
        }
        return false;
    }

    private static Correlation withThreshold(Correlation c, Integer n) {
        if (n == null) {
            return c;
        }
        if (c instanceof Correlation.Aggregation a) {
            return new Correlation.Aggregation(a.distinct(), a.by(), a.within(), n);
        }
        if (c instanceof Correlation.Sequence s) {
            List<Correlation.Step> steps = new ArrayList<>(s.steps());
            steps.set(0, new Correlation.Step(steps.get(0).condition(), n));
            return new Correlation.Sequence(steps, s.by(), s.within());
        }
        return c;
    }

    /** The field tests of one map of a selection, all of which must hold. */
    private record Test(List<Compiled> tests) {

        boolean holds(EventView view) {
            Set<String> elements = null;
            for (Compiled t : tests) {
                if (t.wildcard == null) {
                    if (!t.test(view, view.field(t.field))) {
                        return false;
                    }
                }
            }
            for (Compiled t : tests) {
                if (t.wildcard != null) {
                    Set<String> hits = t.elements(view);
                    if (elements == null) {
                        elements = hits;
                    } else {
                        elements.retainAll(hits);
                    }
                    if (elements.isEmpty()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static Compiled compile(FieldTest t, Policy policy) {
        List<String> values = new ArrayList<>();
        for (String v : t.values()) {
            String ref = PolicyRefs.refName(v);
            if (ref != null) {
                values.addAll(PolicyRefs.resolve(ref, policy));
            } else {
                values.add(v);
            }
        }
        return new Compiled(t, values, policy.residency());
    }

    /** One field test, ready to run. */
    private static final class Compiled {
        final String field;
        final String[] wildcard;
        final Modifier modifier;
        final boolean all;
        final boolean nullMatches;
        final List<String> lower = new ArrayList<>();
        final List<Pattern> patterns = new ArrayList<>();
        final List<Cidr> networks = new ArrayList<>();
        final List<BigDecimal> numbers = new ArrayList<>();
        final List<String> raw;
        final Residency residency;

        Compiled(FieldTest t, List<String> values, Residency residency) {
            this.field = t.field();
            this.wildcard = t.field().contains("*") ? t.field().split("\\.") : null;
            this.modifier = t.modifier();
            this.all = t.all();
            this.residency = residency;
            this.nullMatches = values.contains(null);
            this.raw = values.stream().filter(v -> v != null).toList();
            for (String v : raw) {
                switch (modifier) {
                    case RE -> patterns.add(Pattern.compile(v));
                    case CIDR -> networks.add(Cidr.parse(v));
                    case GT, GTE, LT, LTE -> numbers.add(new BigDecimal(v.trim()));
                    default -> lower.add(v.toLowerCase(Locale.ROOT));
                }
            }
        }

        /** The list elements (their index tuples) whose value passes; a fresh mutable set. */
        Set<String> elements(EventView view) {
            Set<String> hits = new HashSet<>();
            for (Map.Entry<String, String> e : view.event().fields().entrySet()) {
                String tuple = tuple(e.getKey());
                if (tuple != null && test(view, e.getValue())) {
                    hits.add(tuple);
                }
            }
            return hits;
        }

        private String tuple(String key) {
            String[] parts = key.split("\\.");
            if (parts.length != wildcard.length) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (wildcard[i].equals("*")) {
                    if (parts[i].isEmpty() || !parts[i].chars().allMatch(Character::isDigit)) {
                        return null;
                    }
                    b.append(parts[i]).append('.');
                } else if (!wildcard[i].equals(parts[i])) {
                    return null;
                }
            }
            return b.toString();
        }

        boolean test(EventView view, String value) {
            boolean blank = value == null || value.isBlank();
            if (modifier == Modifier.EXISTS) {
                return anyOrAll(v -> v.equals(blank ? "false" : "true"));
            }
            if (blank) {
                return nullMatches;
            }
            return switch (modifier) {
                case EQUALS -> anyOrAll(value::equalsIgnoreCase);
                case CONTAINS -> {
                    String l = value.toLowerCase(Locale.ROOT);
                    yield anyOrAll(l::contains);
                }
                case STARTSWITH -> {
                    String l = value.toLowerCase(Locale.ROOT);
                    yield anyOrAll(l::startsWith);
                }
                case ENDSWITH -> {
                    String l = value.toLowerCase(Locale.ROOT);
                    yield anyOrAll(l::endsWith);
                }
                case RE -> all ? patterns.stream().allMatch(p -> p.matcher(value).find()) && !patterns.isEmpty()
                        : patterns.stream().anyMatch(p -> p.matcher(value).find());
                case CIDR -> {
                    byte[] a = Cidr.address(value);
                    yield a != null && (all ? !networks.isEmpty() && networks.stream().allMatch(n -> n.contains(a))
                            : networks.stream().anyMatch(n -> n.contains(a)));
                }
                case GT, GTE, LT, LTE -> {
                    BigDecimal d = number(value);
                    yield d != null && (all ? !numbers.isEmpty() && numbers.stream().allMatch(n -> compare(d, n))
                            : numbers.stream().anyMatch(n -> compare(d, n)));
                }
                case FIELDREF -> anyOrAllRaw(other -> value.equalsIgnoreCase(String.valueOf(view.field(other))));
                case RESIDENCY -> anyOrAllRaw(other -> {
                    String from = view.field(other);
                    return from != null && residency.copy(from.trim(), value.trim()).verdict()
                            == Residency.Verdict.DENIED;
                });
                case EXISTS -> throw new IllegalStateException();
            };
        }

        private boolean compare(BigDecimal value, BigDecimal bound) {
            int c = value.compareTo(bound);
            return switch (modifier) {
                case GT -> c > 0;
                case GTE -> c >= 0;
                case LT -> c < 0;
                default -> c <= 0;
            };
        }

        private static BigDecimal number(String v) {
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private boolean anyOrAll(java.util.function.Predicate<String> p) {
            return anyOrAll(lower, p);
        }

        private boolean anyOrAllRaw(java.util.function.Predicate<String> p) {
            return anyOrAll(raw, p);
        }

        /** One of the values (or all, for {@code |all}); no value matches nothing. A loop: this runs per event. */
        private boolean anyOrAll(List<String> values, java.util.function.Predicate<String> p) {
            if (values.isEmpty()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (p.test(values.get(i)) != all) {
                    return !all;
                }
            }
            return all;
        }
    }
}
