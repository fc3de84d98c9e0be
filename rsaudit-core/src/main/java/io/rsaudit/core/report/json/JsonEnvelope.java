package io.rsaudit.core.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * The members every rsaudit JSON report opens with ({@code schema}, {@code tool}, {@code startedAt}), is judged by
 * ({@code policy}, {@code failOn}) and closes with ({@code finishedAt}, {@code verdict}), so that scan and hunt
 * reports stay alike where consumers read them the same way. The run's results come between the opening and the
 * closing, so these members are not all at the top of the object.
 */
final class JsonEnvelope {

    private JsonEnvelope() {}

    /** Opens the report object and writes its schema, tool and start. */
    static void open(JsonGenerator g, String schema, String toolVersion, Instant startedAt) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", schema);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "rsaudit");
        g.writeStringField("version", toolVersion);
        g.writeEndObject();
        g.writeStringField("startedAt", startedAt.toString());
    }

    /** The policy the run is judged by and its threshold ({@code none} for {@code null}). */
    static void judgedBy(JsonGenerator g, String policy, Severity failOn) throws IOException {
        g.writeStringField("policy", policy);
        g.writeStringField("failOn", failOn == null ? "none" : failOn.label());
    }

    /** Writes the end and the verdict, closes the report object, ends the output with a newline, and flushes. */
    static void close(JsonGenerator g, Instant finishedAt, Verdict verdict) throws IOException {
        g.writeStringField("finishedAt", finishedAt.toString());
        g.writeStringField("verdict", verdict.name().toLowerCase(Locale.ROOT));
        g.writeEndObject();
        g.writeRaw('\n');
        g.close();
    }
}
