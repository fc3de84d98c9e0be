package io.rsaudit.core.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.time.Instant;

/** What both SARIF writers share: the log's opening and closing, and severities in SARIF's terms. */
final class Sarif {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The writer behind the generator is the caller's: never closed here. */
    static final ObjectMapper JSON =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private Sarif() {}

    /** Opens the log and its one run up to the driver's rules array. */
    static void open(JsonGenerator g, String toolVersion) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "rsaudit");
        g.writeStringField("version", toolVersion);
    }

    /**
     * Writes the invocation, with what the run could not read or judge as its tool execution notifications (the run
     * itself completed: {@code executionSuccessful} stays true), and the run's properties; then closes the run and
     * the log, and flushes.
     */
    static void close(
            JsonGenerator g, Instant started, Instant finished, ArrayNode notifications, ObjectNode properties)
            throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeStringField("startTimeUtc", started.toString());
        g.writeStringField("endTimeUtc", finished.toString());
        if (!notifications.isEmpty()) {
            g.writeFieldName("toolExecutionNotifications");
            g.writeTree(notifications);
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeFieldName("properties");
        g.writeTree(properties);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.close();
    }

    /**
     * A notification of {@code level} ({@code error}, {@code warning} or {@code note}), at {@code file} and
     * {@code line} when given (a line of 0 or less names the whole file).
     */
    static ObjectNode notification(String level, String text, String file, long line) {
        ObjectNode n = JSON.createObjectNode();
        n.put("level", level);
        n.putObject("message").put("text", text);
        if (file != null) {
            ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(file.replace('\\', '/')));
            if (line > 0) {
                physical.putObject("region").put("startLine", line);
            }
        }
        return n;
    }

    /** {@code path} as a URI reference: every character a URI cannot hold as it is, percent-encoded (UTF-8). */
    static String uri(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte c : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            boolean plain = (u >= 'a' && u <= 'z')
                    || (u >= 'A' && u <= 'Z')
                    || (u >= '0' && u <= '9')
                    || "-._~/:@!$&'()*+,;=".indexOf(u) >= 0;
            if (plain) {
                b.append((char) u);
            } else {
                b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", u));
            }
        }
        return b.toString();
    }

    /** SARIF's level for a failing result of {@code s}. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /**
     * GitHub's {@code security-severity}, a number from 0 to 10: over 9 is critical, 7 to 8.9 high, 4 to 6.9 medium,
     * 0.1 to 3.9 low.
     */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }
}
