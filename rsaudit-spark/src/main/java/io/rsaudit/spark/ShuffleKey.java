package io.rsaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the shuffle routes on. Hash codes are computed from ints and strings only, so every executor puts a key in
 * the same partition (no identity or enum hash codes).
 */
sealed interface ShuffleKey extends Serializable {

    /** The matches of one correlated rule (its index in the job's rule list) for one value of its {@code by} fields. */
    final class Group implements ShuffleKey {
        final int rule;
        final ArrayList<String> key;

        Group(int rule, List<String> key) {
            this.rule = rule;
            this.key = new ArrayList<>(key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && g.rule == rule && g.key.equals(key);
        }

        @Override
        public int hashCode() {
            return 31 * rule + key.hashCode();
        }

        @Override
        public String toString() {
            return rule + ":" + key;
        }
    }

    /** What one read task found besides matches: read counts and problems, single-record alerts, notes. */
    final class Part implements ShuffleKey {
        final int part;

        Part(int part) {
            this.part = part;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Part p && p.part == part;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(part);
        }

        @Override
        public String toString() {
            return "part " + part;
        }
    }
}
