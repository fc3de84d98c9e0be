package io.rsaudit.fix.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal of a fix: JSON Lines, one entry a line, appended and flushed as each call returns, so that a crash
 * loses at most the call in flight. The same file takes the entries of a resumed run and of an undo.
 */
public final class Journal implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final Path file;
    private final BufferedWriter out;

    private Journal(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending; creates it (not its folder) if needed. */
    public static Journal append(Path file) throws IOException {
        return new Journal(
                file,
                Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    public Path file() {
        return file;
    }

    public synchronized void write(JournalEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", e.time().toString());
        o.put("phase", e.phase());
        o.put("account", e.account());
        o.put("region", e.region());
        o.put("resource", e.resource());
        if (e.action() != null) {
            o.put("action", e.action());
            o.set("parameters", JSON.valueToTree(e.params()));
            o.set("before", JSON.valueToTree(e.before()));
        }
        o.put("outcome", e.outcome());
        if (e.requestId() != null) {
            o.put("requestId", e.requestId());
        }
        if (e.errorCode() != null) {
            o.put("errorCode", e.errorCode());
            o.put("error", e.error());
        }
        if (e.note() != null) {
            o.put("note", e.note());
        }
        if (e.takesEffect() != null) {
            o.put("takesEffect", e.takesEffect().toString());
        }
        try {
            out.write(JSON.writeValueAsString(o));
            out.write('\n');
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the journal " + file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** A line of a journal that is not an entry. */
    public static final class BadJournal extends Exception {
        private static final long serialVersionUID = 1L;

        BadJournal(String message) {
            super(message);
        }
    }

    /** Every entry of a journal, in order; a line that is not an entry is an error naming the file and line. */
    public static List<JournalEntry> read(Path file) throws IOException, BadJournal {
        List<JournalEntry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                entries.add(entry(JSON.readTree(line)));
            } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
                throw new BadJournal(file + ":" + (i + 1) + ": not a journal entry: "
                        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            }
        }
        return entries;
    }

    private static JournalEntry entry(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return new JournalEntry(
                Instant.parse(required(o, "time")),
                required(o, "phase"),
                required(o, "account"),
                text(o, "region"),
                required(o, "resource"),
                text(o, "action"),
                map(o.get("parameters")),
                map(o.get("before")),
                required(o, "outcome"),
                text(o, "requestId"),
                text(o, "errorCode"),
                text(o, "error"),
                text(o, "note"),
                text(o, "takesEffect") == null ? null : Instant.parse(text(o, "takesEffect")));
    }

    private static Map<String, Object> map(JsonNode n) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("parameters and before must be objects");
        }
        return JSON.convertValue(n, MAP);
    }

    private static String required(JsonNode o, String field) {
        String v = text(o, field);
        if (v == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
