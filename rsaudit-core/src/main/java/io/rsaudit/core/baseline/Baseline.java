package io.rsaudit.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The open results of a previous report: a scan's failing and unknown findings, or a hunt's alerts, by fingerprint.
 * {@link #mark} tells whether a result of this run was there already; {@link #resolved} lists those of the previous
 * report that this run did not find again. Not thread-safe: one run marks its results in order.
 */
public final class Baseline {

    /** Whether a result was in the previous report. */
    public enum State {
        NEW,
        UNCHANGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One open result of the previous report: what it was about, in a line, and its severity. */
    public record Entry(String fingerprint, String description, Severity severity) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final String schema;
    private final Map<String, Entry> open;
    private final Map<String, Entry> seen = new LinkedHashMap<>();

    private Baseline(String file, String schema, Map<String, Entry> open) {
        this.file = file;
        this.schema = schema;
        this.open = open;
    }

    /**
     * Reads a previous rsaudit JSON report; a failure names the file and what is wrong with it.
     *
     * @throws IllegalArgumentException when the file is not an {@code rsaudit-scan/1} or {@code rsaudit-hunt/1}
     *     report, or a result in it lacks a field its fingerprint needs
     */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        String schema = root == null ? "" : root.path("schema").asText("");
        Map<String, Entry> open = new LinkedHashMap<>();
        if (schema.equals("rsaudit-scan/1")) {
            int i = 0;
            for (JsonNode f : root.path("findings")) {
                String where = file + ": findings[" + i++ + "]";
                String outcome = text(f, "outcome", where);
                if (!outcome.equals("fail") && !outcome.equals("unknown")) {
                    continue;
                }
                JsonNode r = f.path("resource");
                String check = text(f, "check", where);
                String arn = text(r, "arn", where + ".resource");
                String fp = Fingerprint.ofFinding(
                        check,
                        text(r, "account", where + ".resource"),
                        r.path("region").asText(null),
                        arn);
                open.put(fp, new Entry(fp, check + " " + outcome + " " + arn, severity(f.path("severity"), where)));
            }
        } else if (schema.equals("rsaudit-hunt/1")) {
            int i = 0;
            for (JsonNode a : root.path("alerts")) {
                String where = file + ": alerts[" + i++ + "]";
                List<String> evidence = new ArrayList<>();
                for (JsonNode e : a.path("evidence")) {
                    evidence.add(Fingerprint.record(
                            text(e, "file", where + ".evidence"),
                            e.path("line").asLong(),
                            e.path("index").asLong(0)));
                }
                String rule = text(a, "rule", where);
                String fp = Fingerprint.ofAlert(
                        rule,
                        a.path("account").asText(null),
                        a.path("region").asText(null),
                        a.path("summary").asText(null),
                        evidence);
                open.put(
                        fp, new Entry(fp, rule + " " + a.path("summary").asText(""), severity(a.path("level"), where)));
            }
        } else {
            throw new IllegalArgumentException(file + ": not an rsaudit JSON report (schema '" + schema
                    + "'; expected rsaudit-scan/1 or rsaudit-hunt/1, as --format json writes)");
        }
        return new Baseline(file.toString(), schema, open);
    }

    /** {@code rsaudit-scan/1} or {@code rsaudit-hunt/1}. */
    public String schema() {
        return schema;
    }

    public String file() {
        return file;
    }

    /** How many open results the previous report had. */
    public int size() {
        return open.size();
    }

    /** NEW when the previous report did not have {@code fingerprint} open, UNCHANGED when it did. */
    public State mark(String fingerprint) {
        Entry e = open.get(fingerprint);
        if (e == null) {
            return State.NEW;
        }
        seen.put(fingerprint, e);
        return State.UNCHANGED;
    }

    /** The previous report's open results that no {@link #mark} found again, in the previous report's order. */
    public List<Entry> resolved() {
        return open.values().stream()
                .filter(e -> !seen.containsKey(e.fingerprint()))
                .toList();
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + ": no '" + field + "'");
        }
        return v.asText();
    }

    private static Severity severity(JsonNode v, String where) {
        try {
            return Severity.parse(v.asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
