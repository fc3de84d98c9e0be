package io.rsaudit.core.hunt.rule;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A boolean expression over selection names; {@code 1 of sel*} and {@code all of them} are expanded when parsed. */
public sealed interface Condition {

    boolean test(Predicate<String> selectionHolds);

    /** The selections the expression reads. */
    Set<String> names();

    record Ref(String name) implements Condition {
        @Override
        public boolean test(Predicate<String> holds) {
            return holds.test(name);
        }

        @Override
        public Set<String> names() {
            return Set.of(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public boolean test(Predicate<String> holds) {
            return !operand.test(holds);
        }

        @Override
        public Set<String> names() {
            return operand.names();
        }

        @Override
        public String toString() {
            return "not " + operand;
        }
    }

    record And(List<Condition> operands) implements Condition {
        @Override
        public boolean test(Predicate<String> holds) {
            for (Condition c : operands) {
                if (!c.test(holds)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<String> names() {
            return union(operands);
        }

        @Override
        public String toString() {
            return "("
                    + String.join(
                            " and ", operands.stream().map(Object::toString).toList()) + ")";
        }
    }

    record Or(List<Condition> operands) implements Condition {
        @Override
        public boolean test(Predicate<String> holds) {
            for (Condition c : operands) {
                if (c.test(holds)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> names() {
            return union(operands);
        }

        @Override
        public String toString() {
            return "("
                    + String.join(
                            " or ", operands.stream().map(Object::toString).toList()) + ")";
        }
    }

    private static Set<String> union(List<Condition> operands) {
        Set<String> s = new java.util.TreeSet<>();
        operands.forEach(c -> s.addAll(c.names()));
        return s;
    }
}
