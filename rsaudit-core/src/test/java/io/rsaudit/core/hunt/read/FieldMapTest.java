package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {

    private static final String[] NAMES = {"event", "host", "empty", "note", "absent", "redactions"};

    /** A map over "  authenticated |10.0.0.1||café  " as DelimitedLine hands it over: the line alone, 4 fields. */
    private static FieldMap lazy(String[] decoded) {
        byte[] line = Logs.utf8("  authenticated |10.0.0.1||café  ");
        return FieldMap.lazy(NAMES, decoded, line, 4, false);
    }

    @Test
    void aLineWithATrailingDelimiterHasNoFieldAfterIt() {
        FieldMap map = FieldMap.lazy(NAMES, new String[NAMES.length], Logs.utf8("a | b |c|"), 3, true);
        assertThat(map).containsExactly(Map.entry("event", "a"), Map.entry("host", "b"), Map.entry("empty", "c"));
    }

    @Test
    void aLazyMapIsTheMapOfItsDecodedValues() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("event", "authenticated");
        expected.put("host", "10.0.0.1");
        expected.put("empty", "");
        expected.put("note", "café");
        FieldMap map = lazy(new String[NAMES.length]);
        assertThat(map).isEqualTo(expected).hasSize(4);
        assertThat(map.keySet()).containsExactly("event", "host", "empty", "note");
        assertThat(map.values()).containsExactly("authenticated", "10.0.0.1", "", "café");
        assertThat(map.get("absent")).isNull();
        assertThat(map.containsKey("absent")).isFalse();
        assertThat(map.get("redactions")).isNull();
        assertThat(map.get("nothing")).isNull();
        assertThat(map.get(new String("note"))).isEqualTo("café");
        assertThat(map.hashCode()).isEqualTo(expected.hashCode());
    }

    @Test
    void valuesDecodedAlreadyAreKeptAndTheRestDecodedOnce() {
        String[] decoded = new String[NAMES.length];
        decoded[0] = "from the cache";
        FieldMap map = lazy(decoded);
        assertThat(map.get("event")).isEqualTo("from the cache");
        assertThat(map.get("host")).isSameAs(map.get("host"));
    }

    @Test
    void isUnmodifiable() {
        FieldMap map = lazy(new String[NAMES.length]);
        assertThatThrownBy(() -> map.put("event", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("event")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map.get("event")).isEqualTo("authenticated");
    }
}
