package io.rsaudit.core.report;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.core.JsonGenerator;
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
import io.rsaudit.core.policy.Suppression;
import io.rsaudit.core.source.AwsCliCall;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The machine-readable report, schema {@value #SCHEMA} ({@code docs/json-report.md}). Each part is built as a
 * Jackson tree; findings are streamed one tree at a time so that a large estate does not need its whole report
 * in memory.
 */
public final class JsonReporter implements Reporter {

    public static final String SCHEMA = "rsaudit-scan/1";

    /**
     * Evidence values are model data: a {@link Value} is written as its value, provenance inside it is left out (the
     * finding's {@code source} gives it once), and {@code is...()} helpers are not properties.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
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

    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            JsonEnvelope.open(g, SCHEMA, report.toolVersion(), report.startedAt(), report.finishedAt());
            g.writeStringField("input", report.input());
            JsonEnvelope.judgement(g, report.policy(), report.failOn(), report.verdict());
            g.writeFieldName("summary");
            g.writeTree(summary(report));
            g.writeFieldName("scopes");
            g.writeTree(scopes(report));
            g.writeFieldName("collectionErrors");
            g.writeTree(errors(report));
            g.writeFieldName("policyNotices");
            g.writeTree(strings(report.policyNotices()));
            g.writeFieldName("internalErrors");
            g.writeTree(strings(report.internalErrors()));
            g.writeFieldName("checks");
            g.writeTree(checks(report));
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                g.writeTree(finding(f));
            }
            g.writeEndArray();
            JsonEnvelope.close(g);
        }
    }

    private static ObjectNode summary(Report report) {
        ObjectNode s = JSON.createObjectNode();
        s.put(
                "accounts",
                report.scopes().stream().map(Scope::account).distinct().count());
        s.put("regions", report.scopes().size());
        s.put("checks", report.checks().size());
        s.put("findings", report.findings().size());
        Map<String, Long> byResult = new TreeMap<>();
        Map<String, Long> failBySeverity = new TreeMap<>();
        long suppressed = 0;
        for (Finding f : report.findings()) {
            if (f.isSuppressed()) {
                suppressed++;
                continue;
            }
            byResult.merge(label(f.result()), 1L, Long::sum);
            if (f.result() == Result.FAIL) {
                failBySeverity.merge(f.severity().label(), 1L, Long::sum);
            }
        }
        ObjectNode results = s.putObject("results");
        for (Result r : Result.values()) {
            results.put(label(r), byResult.getOrDefault(label(r), 0L));
        }
        results.put("suppressed", suppressed);
        ObjectNode fails = s.putObject("failBySeverity");
        for (Severity sev : Severity.values()) {
            fails.put(sev.label(), failBySeverity.getOrDefault(sev.label(), 0L));
        }
        s.put("collectionErrors", report.errorCount());
        s.put("collectionWarnings", report.collectionErrors().size() - report.errorCount());
        return s;
    }

    private static ArrayNode scopes(Report report) {
        ArrayNode a = JSON.createArrayNode();
        for (Scope sc : new TreeSet<>(report.scopes())) {
            a.addObject().put("account", sc.account()).put("region", sc.region());
        }
        return a;
    }

    private static ArrayNode errors(Report report) {
        ArrayNode a = JSON.createArrayNode();
        for (CollectionError e : report.collectionErrors()) {
            a.addObject()
                    .put("level", e.isWarning() ? "warning" : "error")
                    .put("kind", e.kind().name().toLowerCase(Locale.ROOT))
                    .put("location", e.location())
                    .put("message", e.message());
        }
        return a;
    }

    private static ArrayNode checks(Report report) {
        ArrayNode a = JSON.createArrayNode();
        for (CheckMetadata c : report.checks()) {
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

    private static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("check", f.check().id());
        n.put("outcome", label(f.result()));
        n.put("severity", f.severity().label());
        ObjectNode r = n.putObject("resource");
        r.put("type", f.resource().type().name().toLowerCase(Locale.ROOT));
        r.put("arn", f.resource().arn());
        r.put("name", f.resource().name());
        r.put("account", f.resource().scope().account());
        r.put("region", f.resource().scope().region());
        n.put("message", f.outcome().message());
        Evidence e = f.outcome().evidence();
        if (e == null) {
            n.putNull("field");
        } else {
            ObjectNode field = n.putObject("field");
            field.put("name", e.provenance().field());
            field.set("value", value(e.value()));
            field.put("status", e.status().name().toLowerCase(Locale.ROOT));
            if (e.note() != null) {
                field.put("note", e.note());
            }
            ObjectNode source = field.putObject("source")
                    .put("location", e.provenance().location())
                    .put("pointer", e.provenance().pointer());
            AwsCliCall.ofLocation(e.provenance().location()).ifPresent(c -> source.put("call", c.iamAction()));
        }
        Suppression s = f.suppressedBy();
        if (s != null) {
            n.putObject("suppressed")
                    .put("reason", s.reason())
                    .put("expires", s.expires().toString())
                    .put("where", s.where());
        }
        if (f.result() == Result.FAIL || f.result() == Result.UNKNOWN) {
            n.putObject("remediation").put("cli", f.remediationCli());
        }
        return n;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
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

    static String label(Result r) {
        return r == Result.NOT_APPLICABLE ? "not_applicable" : r.name().toLowerCase(Locale.ROOT);
    }
}
