package io.rsaudit.core.hunt.rule;

import io.rsaudit.core.hunt.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an event must have for a rule to match it, found by reading the rule's condition: one field equal (ignoring
 * case, as {@code field: [values]} compares) to one of a set of values ({@code eventName} of a CloudTrail rule,
 * {@code event} of a connection-log rule), or holding one of a set of words ({@code sql} of an expression's
 * literal words). A necessary condition only: an event that passes is still judged by the whole rule. The engine
 * indexes rules by their equality gates, so an event reaches only the rules its value names, and runs a rule with a
 * word gate only when the hunt's one scan of the value found one of its words.
 */
public final class Gate {

    private final String field;
    private final int slot;
    /** Equality: the values in lower case; {@code null} for a word gate. */
    private final Set<String> values;
    /**
     * Words: one of these prefilters must pass; {@code null} for an equality gate. An array: the engine asks per
     * event, and an iterator over a list is an allocation per event wherever C2's bounded inlining leaves it.
     */
    private final Literals[] words;

    private Gate(String field, Set<String> values, Literals[] words) {
        this.field = field;
        this.slot = Event.slot(field);
        this.values = values;
        this.words = words;
    }

    static Gate equal(String field, Set<String> lowerValues) {
        return new Gate(field, Set.copyOf(new TreeSet<>(lowerValues)), null);
    }

    static Gate words(String field, List<Literals> words) {
        return new Gate(field, null, words.toArray(Literals[]::new));
    }

    /** The field the gate reads. */
    public String field() {
        return field;
    }

    /** Whether the gate is one of equality ({@link #values()}), not of words. */
    public boolean equality() {
        return values != null;
    }

    /** An equality gate's values, in lower case: the event's field must equal one of them, ignoring case. */
    public Set<String> values() {
        return values;
    }

    /** The event's value of the gate's field. */
    public String value(Event e) {
        return e.field(slot, field);
    }

    /** A word gate: whether the event's value may hold one of the words (the thread's scan decides it once). */
    public boolean mayPass(Event e, Prefilter.Scan scan) {
        String v = value(e);
        if (v == null || v.isBlank()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (scan.mayContain(v, words[i])) {
                return true;
            }
        }
        return false;
    }

    /** The gate of "this or that": the same kind on the same field, the values or words of both; else none. */
    Gate or(Gate other) {
        if (!field.equals(other.field) || equality() != other.equality()) {
            return null;
        }
        if (equality()) {
            Set<String> union = new TreeSet<>(values);
            union.addAll(other.values);
            return equal(field, union);
        }
        List<Literals> union = new ArrayList<>(List.of(words));
        union.addAll(List.of(other.words));
        return words(field, union);
    }

    @Override
    public String toString() {
        return field
                + (equality()
                        ? " in " + values
                        : " holds one of "
                                + java.util.Arrays.stream(words)
                                        .map(Literals::words)
                                        .toList());
    }
}
