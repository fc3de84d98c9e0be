package io.rsaudit.core.report.sarif;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The line of a JSON pointer in an exported file, for a SARIF region: each file is read once, when first asked, and
 * its pointers' lines kept until the report ends. A file that cannot be read has no lines.
 *
 * <p>Every value of every file asked about is indexed, and a scan's findings point into all of an export's files, so
 * the index holds no pointer text: a 64-bit hash of each pointer and its line, at most 48 bytes a value in a table
 * at least a quarter full (a map of pointer strings took about 120, more than the heap of a large estate's scan).
 * Two pointers of one file with the same hash would be needed for a wrong line: about one chance in 10<sup>9</sup>
 * for a file of 10<sup>5</sup> values.
 */
final class JsonLines {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Path, Table> byFile = new HashMap<>();

    OptionalInt lineOf(Path file, String pointer) {
        return byFile.computeIfAbsent(file, JsonLines::read).lineOf(hash(pointer));
    }

    private static Table read(Path file) {
        Table lines = new Table();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                // an object or array opens a context of its own: its place is its parent's current name or index
                JsonStreamContext at = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                if (at != null) {
                    lines.putIfAbsent(
                            hash(at.pathAsPointer().toString()),
                            p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // a file that does not parse gets no regions: the location still names it
        }
        return lines;
    }

    /** A 64-bit hash of the pointer's characters (FNV-1a, then mixed so that the table's low bits spread). */
    static long hash(String pointer) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < pointer.length(); i++) {
            h = (h ^ pointer.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /** Open addressing from hash to line; 0 marks an empty slot (a hash of 0 is stored as 1). */
    static final class Table {
        private long[] keys = new long[16];
        private int[] lines = new int[16];
        private int size;

        void putIfAbsent(long hash, int line) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            long key = hash == 0 ? 1 : hash;
            int mask = keys.length - 1;
            for (int i = (int) key & mask; ; i = (i + 1) & mask) {
                if (keys[i] == 0) {
                    keys[i] = key;
                    lines[i] = line;
                    size++;
                    return;
                }
                if (keys[i] == key) {
                    return;
                }
            }
        }

        OptionalInt lineOf(long hash) {
            long key = hash == 0 ? 1 : hash;
            int mask = keys.length - 1;
            for (int i = (int) key & mask; keys[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return OptionalInt.of(lines[i]);
                }
            }
            return OptionalInt.empty();
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldLines = lines;
            keys = new long[oldKeys.length * 2];
            lines = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    putIfAbsent(oldKeys[i], oldLines[i]);
                }
            }
        }
    }
}
