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
 */
final class JsonLines {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<Path, Map<String, Integer>> byFile = new HashMap<>();

    OptionalInt lineOf(Path file, String pointer) {
        Map<String, Integer> lines = byFile.computeIfAbsent(file, JsonLines::read);
        Integer line = lines.get(pointer);
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    private static Map<String, Integer> read(Path file) {
        Map<String, Integer> lines = new HashMap<>();
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
                            at.pathAsPointer().toString(),
                            p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // a file that does not parse gets no regions: the location still names it
        }
        return lines;
    }
}
