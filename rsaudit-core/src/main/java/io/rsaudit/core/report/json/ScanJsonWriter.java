package io.rsaudit.core.report.json;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.parallel.InOrder;
import io.rsaudit.core.policy.Suppression;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Utf8Writer;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The machine-readable scan report, schema {@value #SCHEMA} ({@code docs/json-report.md}). Findings are written as
 * they come, in pieces printed on all cores and written in order (a scan has hundreds of thousands), and forgotten;
 * the summary's counts follow the findings.
 */
public final class ScanJsonWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    public static final String SCHEMA = "rsaudit-scan/1";

    /**
     * Evidence values are model data: a {@link Value} is written as its value, provenance inside it is left out (the
     * finding's {@code source} gives it once), and {@code is...()} helpers are not properties. The writer behind the
     * generator is the caller's: never closed here.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // the buffered writer behind the generator is flushed with the summary, not after each tree
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .addMixIn(Provenance.class, Omitted.class)
            .addModule(new SimpleModule().addSerializer(Value.class, new ValueSerializer()))
            .build();

    @JsonIgnoreType
    private interface Omitted {}

    @SuppressWarnings("rawtypes")
    private static final class ValueSerializer extends StdSerializer<Value> {
        ValueSerializer() {
            super(Value.class);
        }

        @Override
        public void serialize(Value v, JsonGenerator g, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(v.value(), g);
        }
    }

    private final Writer out;
    private JsonGenerator g;
    private ScanHeader header;
    /** The findings not written yet, and those being printed on all cores, in order. */
    private List<Finding> piece = new ArrayList<>(PIECE);

    private InOrder<List<Finding>, ?, IOException> pieces;

    public ScanJsonWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(ScanHeader header) throws IOException {
        this.header = header;
        g = JSON.createGenerator(out);
        JsonEnvelope.open(g, SCHEMA, header.toolVersion(), header.startedAt());
        g.writeStringField("input", header.input());
        g.writeObjectFieldStart("agesAsOf");
        g.writeStringField("at", header.ages().at().toString());
        g.writeStringField(
                "basis", header.ages().basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeEndObject();
        JsonEnvelope.judgedBy(g, header.policy(), header.failOn());
        g.writeFieldName("scopes");
        g.writeTree(scopes(header));
        g.writeFieldName("collectionErrors");
        g.writeTree(errors(header));
        g.writeFieldName("checks");
        g.writeTree(checks(header));
        g.writeArrayFieldStart("findings");
        // each piece of findings is one raw value to the generator: it writes the separator before it
        if (out instanceof Utf8Writer bytes) {
            // encoded on the workers too: this thread only copies the bytes to the file, after the separator
            pieces = new InOrder<List<Finding>, ByteBuffer, IOException>(
                    findings -> print(findings).utf8(), printed -> {
                        g.writeRawValue("");
                        g.flush();
                        bytes.writeUtf8(printed.array(), 0, printed.limit());
                    });
        } else {
            pieces = new InOrder<List<Finding>, Printed, IOException>(
                    ScanJsonWriter::print, printed -> printed.writeTo(g));
        }
    }

    @Override
    public void result(Finding f) throws IOException {
        piece.add(f);
        if (piece.size() == PIECE) {
            pieces.add(piece);
            piece = new ArrayList<>(PIECE);
        }
    }

    /** Findings written at once, in a piece of the report. */
    private static final int PIECE = 512;

    /**
     * {@code findings} as the report's generator would write them, one after another, inside its findings array:
     * written by a generator of their own, inside an array at the same depth, and cut out of it.
     */
    private static Printed print(List<Finding> findings) {
        Printed text = new Printed(findings.size() * 1024);
        try (JsonGenerator p = JSON.createGenerator(text)) {
            p.useDefaultPrettyPrinter();
            p.writeStartObject();
            p.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                finding(p, f);
            }
            p.flush();
            text.end = text.size(); // closing writes the ends of the array and the object after it
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        // "{\n  \"findings\" : [ " comes before the first finding
        int start = 0;
        while (text.chars()[start] != '[') {
            start++;
        }
        text.start = start + 2;
        return text;
    }

    /** Printed findings: the characters from {@code start} to {@code end}, handed on without copying them again. */
    private static final class Printed extends CharArrayWriter {
        int start;
        int end;

        Printed(int size) {
            super(size);
        }

        char[] chars() {
            return buf;
        }

        void writeTo(JsonGenerator g) throws IOException {
            g.writeRawValue(buf, start, end - start);
        }

        /**
         * The characters in UTF-8, as a writer would encode them (a malformed surrogate as '?'), from the start of the
         * buffer's array to its limit: one pass over the characters.
         */
        ByteBuffer utf8() {
            try {
                return StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .encode(CharBuffer.wrap(buf, start, end - start));
            } catch (CharacterCodingException e) {
                throw new IllegalStateException(e); // replacing, the encoder reports nothing
            }
        }
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
        pieces.finish();
        g.writeEndArray();
        g.writeFieldName("summary");
        g.writeTree(summary(header, summary));
        g.writeFieldName("policyNotices");
        g.writeTree(strings(summary.policyNotices()));
        g.writeFieldName("internalErrors");
        g.writeTree(strings(summary.internalErrors()));
        JsonEnvelope.close(g, summary.finishedAt(), summary.verdict());
    }

    private static ObjectNode summary(ScanHeader header, ScanSummary summary) {
        ObjectNode s = JSON.createObjectNode();
        s.put("accounts", header.accounts());
        s.put("regions", header.scopes().size());
        s.put("checks", header.checks().size());
        s.put("findings", summary.findings());
        ObjectNode results = s.putObject("results");
        for (Result r : Result.values()) {
            results.put(label(r), summary.results().getOrDefault(r, 0L));
        }
        results.put("suppressed", summary.suppressed());
        ObjectNode fails = s.putObject("failBySeverity");
        for (Severity sev : Severity.values()) {
            fails.put(sev.label(), summary.failBySeverity().getOrDefault(sev, 0L));
        }
        s.put("collectionErrors", header.errorCount());
        s.put("collectionWarnings", header.warningCount());
        return s;
    }

    private static ArrayNode scopes(ScanHeader header) {
        ArrayNode a = JSON.createArrayNode();
        for (Scope sc : new TreeSet<>(header.scopes())) {
            a.addObject().put("account", sc.account()).put("region", sc.region());
        }
        return a;
    }

    private static ArrayNode errors(ScanHeader header) {
        ArrayNode a = JSON.createArrayNode();
        for (CollectionError e : header.collectionErrors()) {
            a.addObject()
                    .put("level", e.isWarning() ? "warning" : "error")
                    .put("kind", e.kind().name().toLowerCase(Locale.ROOT))
                    .put("location", Redacted.safe(e.location()))
                    .put("message", Redacted.safe(e.message()));
        }
        return a;
    }

    private static ArrayNode checks(ScanHeader header) {
        ArrayNode a = JSON.createArrayNode();
        for (CheckMetadata c : header.checks()) {
            ObjectNode n = a.addObject();
            n.put("id", c.id());
            n.put("title", c.title());
            n.put("severity", c.severity().label());
            n.put("area", c.area().name().toLowerCase(Locale.ROOT));
            n.put("resourceType", c.resourceType().name().toLowerCase(Locale.ROOT));
            n.put("summary", c.documentation().summary());
            n.put("risk", c.documentation().risk());
            ObjectNode r = n.putObject("remediation");
            r.put("cli", c.documentation().cli());
            r.put("console", c.documentation().console());
            r.put("terraform", c.documentation().terraform());
            if (c.documentation().cloudFormation() != null) {
                r.put("cloudFormation", c.documentation().cloudFormation());
            }
            strings(c.documentation().references()).forEach(n.putArray("references")::add);
        }
        return a;
    }

    /** Writes {@code f} straight to the generator, member by member, as a tree of it would be written. */
    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("check", f.check().id());
        g.writeStringField("outcome", label(f.result()));
        g.writeStringField("severity", f.severity().label());
        g.writeObjectFieldStart("resource");
        g.writeStringField("type", lower(f.resource().type()));
        g.writeStringField("arn", f.resource().arn());
        g.writeStringField("name", f.resource().name());
        g.writeStringField("account", f.resource().scope().account());
        g.writeStringField("region", f.resource().scope().region());
        g.writeEndObject();
        g.writeStringField("message", Redacted.safe(f.outcome().message()));
        if (f.outcome().reason() != null) {
            g.writeStringField("reason", f.outcome().reason().kind().label());
        }
        Evidence e = f.outcome().evidence();
        if (e == null) {
            g.writeNullField("field");
        } else {
            g.writeObjectFieldStart("field");
            g.writeStringField("name", e.provenance().field());
            g.writeFieldName("value");
            value(g, e.value());
            g.writeStringField("status", lower(e.status()));
            if (e.reason() != null) {
                g.writeStringField("note", e.reason().detail());
            }
            g.writeObjectFieldStart("source");
            g.writeStringField("location", e.provenance().location());
            g.writeStringField("pointer", e.provenance().pointer());
            Optional<String> action = ScanHeader.iamAction(e.provenance());
            if (action.isPresent()) {
                g.writeStringField("call", action.get());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        Suppression s = f.suppressedBy();
        if (s != null) {
            g.writeObjectFieldStart("suppressed");
            g.writeStringField("reason", s.reason());
            g.writeStringField("expires", s.expires().toString());
            g.writeStringField("where", s.where());
            g.writeEndObject();
        }
        if (f.result() == Result.FAIL || f.result() == Result.UNKNOWN) {
            g.writeObjectFieldStart("remediation");
            g.writeStringField("cli", f.remediationCli());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** An evidence value: the common scalars written as they are, anything else as Jackson maps it. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String text) {
            g.writeString(text);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else {
            g.writeTree(tree(v));
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode tree(Object v) {
        try {
            return JSON.valueToTree(v);
        } catch (IllegalArgumentException e) {
            return JSON.getNodeFactory().textNode(v.toString());
        }
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static String label(Result r) {
        return r == Result.NOT_APPLICABLE ? "not_applicable" : r.name().toLowerCase(Locale.ROOT);
    }
}
