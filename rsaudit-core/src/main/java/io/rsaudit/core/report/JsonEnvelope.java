package io.rsaudit.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * The fields every rsaudit JSON report opens with ({@code schema}, {@code tool}, the run's times) and judges by
 * ({@code policy}, {@code failOn}, {@code verdict}), so that scan and hunt reports stay alike where consumers read
 * them the same way.
 */
public final class JsonEnvelope {

    private JsonEnvelope() {}

    /** Opens the report object and writes its schema, tool and times. */
    public static void open(JsonGenerator g, String schema, String toolVersion, Instant startedAt, Instant finishedAt)
            throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", schema);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "rsaudit");
        g.writeStringField("version", toolVersion);
        g.writeEndObject();
        g.writeStringField("startedAt", startedAt.toString());
        g.writeStringField("finishedAt", finishedAt.toString());
    }

    /** The policy the run was judged by, its threshold ({@code none} for {@code null}) and the verdict. */
    public static void judgement(JsonGenerator g, String policy, Severity failOn, Verdict verdict) throws IOException {
        g.writeStringField("policy", policy);
        g.writeStringField("failOn", failOn == null ? "none" : failOn.label());
        g.writeStringField("verdict", verdict.name().toLowerCase(Locale.ROOT));
    }

    /** Closes the report object, ending the output with a newline. */
    public static void close(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }
}
