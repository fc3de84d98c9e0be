package io.rsaudit.core.model;

import java.util.Map;
import java.util.function.Function;

/**
 * Values by key, and for an absent key a value that says why it is absent (the source knows: the file was
 * not collected, the call failed...).
 */
public final class Lookup<K, V> {

    private final Map<K, Value<V>> entries;
    private final Function<K, Value<V>> whenAbsent;

    public Lookup(Map<K, Value<V>> entries, Function<K, Value<V>> whenAbsent) {
        this.entries = Map.copyOf(entries);
        this.whenAbsent = whenAbsent;
    }

    public Value<V> get(K key) {
        Value<V> v = entries.get(key);
        return v != null ? v : whenAbsent.apply(key);
    }

    public int size() {
        return entries.size();
    }
}
