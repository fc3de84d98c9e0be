package io.rsaudit.core.hunt.engine;

import java.util.Map;

/**
 * A map from text to a value that finds a key ignoring case exactly as {@link String#equalsIgnoreCase} compares,
 * without lower-casing the text looked up (an allocation per event): the hash folds each character as that
 * comparison does (upper case, then lower case), and keys are compared with {@code equalsIgnoreCase}.
 */
final class CaseInsensitiveIndex<V> {

    private final String[] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;

    /** @param merge the value of two keys equal ignoring case (such as {@code ı} and {@code i}) */
    CaseInsensitiveIndex(Map<String, V> entries, java.util.function.BinaryOperator<V> merge) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1;
        keys = new String[size];
        hashes = new int[size];
        values = new Object[size];
        mask = size - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            int h = hash(e.getKey());
            int i = h & mask;
            while (keys[i] != null) {
                if (hashes[i] == h && keys[i].equalsIgnoreCase(e.getKey())) {
                    break;
                }
                i = (i + 1) & mask;
            }
            if (keys[i] != null) {
                @SuppressWarnings("unchecked")
                V known = (V) values[i];
                values[i] = merge.apply(known, e.getValue());
                continue;
            }
            keys[i] = e.getKey();
            hashes[i] = h;
            values[i] = e.getValue();
        }
    }

    /** The value of the key equal to {@code text} ignoring case, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(String text) {
        int h = hash(text);
        for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && keys[i].equalsIgnoreCase(text)) {
                return (V) values[i];
            }
        }
        return null;
    }

    static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            } else if (c >= 128) {
                c = Character.toLowerCase(Character.toUpperCase(c));
            }
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }
}
