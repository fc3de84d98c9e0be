package io.rsaudit.core.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable hunt report, schema {@value #SCHEMA} ({@code docs/hunt-report.md}). Each alert is written as
 * it comes; what was read follows the alerts.
 */
public final class HuntJsonWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    public static final String SCHEMA = "rsaudit-hunt/1";

    /** The writer behind the generator is the caller's: never closed here. */
    private static final ObjectMapper JSON =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Writer out;
    private JsonGenerator g;

    public HuntJsonWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(HuntHeader header) throws IOException {
        g = JSON.createGenerator(out);
        JsonEnvelope.open(g, SCHEMA, header.toolVersion(), header.startedAt());
        g.writeFieldName("inputs");
        g.writeTree(JSON.valueToTree(header.inputs()));
        JsonEnvelope.judgedBy(g, header.policy(), header.failOn());
        g.writeFieldName("rules");
        g.writeTree(rules(header));
        g.writeArrayFieldStart("alerts");
    }

    @Override
    public void result(Alert alert) throws IOException {
        g.writeTree(alert(alert));
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        g.writeEndArray();
        g.writeFieldName("read");
        g.writeTree(read(summary.read()));
        g.writeFieldName("notJudged");
        g.writeTree(JSON.valueToTree(summary.notes()));
        JsonEnvelope.close(g, summary.finishedAt(), summary.verdict());
    }

    private static ObjectNode read(ReadSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("files", s.files());
        o.set("skippedFiles", counts(s.skippedFiles()));
        o.set("skippedFolders", counts(s.skippedFolders()));
        o.put("bytes", s.bytes());
        o.put("decodedBytes", s.decodedBytes());
        o.put("records", s.records());
        o.put("events", s.events());
        o.set("filtered", counts(s.filtered()));
        o.put("malformed", s.malformed());
        ObjectNode perType = o.putObject("recordsByType");
        new TreeMap<>(s.perType()).forEach((t, n) -> perType.put(t.fileName(), n));
        o.put("first", time(s.first()));
        o.put("last", time(s.last()));
        o.put("problemCount", s.problemCount());
        ArrayNode problems = o.putArray("problems");
        for (ReadProblem p : s.problems()) {
            problems.addObject()
                    .put("file", p.origin().file())
                    .put("line", p.origin().line())
                    .put("kind", p.kind().name().toLowerCase(Locale.ROOT))
                    .put("message", Redacted.safe(p.message()));
        }
        return o;
    }

    private static ArrayNode rules(HuntHeader header) {
        ArrayNode a = JSON.createArrayNode();
        for (Rule r : header.rules()) {
            ObjectNode rule = a.addObject()
                    .put("id", r.id())
                    .put("title", r.title())
                    .put("level", r.level().label())
                    .put("source", r.source());
            List<String> empty = header.idle().get(r.id());
            if (empty != null) {
                ArrayNode lists = rule.putArray("emptyPolicyLists");
                empty.forEach(lists::add);
            }
        }
        return a;
    }

    private static ObjectNode alert(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rule", a.ruleId());
        o.put("title", a.title());
        o.put("level", a.level().label());
        o.put("first", time(a.first()));
        o.put("last", time(a.last()));
        o.put("actor", Redacted.safe(a.actor()));
        o.put("sourceAddress", a.sourceAddress());
        o.put("cluster", a.cluster());
        o.put("account", a.account());
        o.put("region", a.region());
        o.put("summary", Redacted.safe(a.summary()));
        o.set("tags", JSON.valueToTree(a.tags()));
        o.put("eventCount", a.eventCount());
        ArrayNode evidence = o.putArray("evidence");
        for (Event e : a.evidence()) {
            ObjectNode ev = evidence.addObject();
            ev.put("file", e.origin().file());
            ev.put("line", e.origin().line());
            if (e.type() == LogType.CLOUDTRAIL) {
                ev.put("index", e.origin().index());
            }
            ev.put("type", e.type().fileName());
            ev.put("time", time(e.time()));
            ev.put("user", Redacted.safe(e.user()));
            ev.put("sourceAddress", e.sourceAddress());
            ev.put("action", e.action());
            ev.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
            if (e.sql() != null) {
                ev.put("sql", Redacted.safe(e.sql()));
            }
            String redactions = e.fields().get("redactions");
            if (redactions != null) {
                ev.put("redactions", redactions);
            }
            ObjectNode details = null;
            for (Map.Entry<String, String> f : e.fields().entrySet()) {
                if (!f.getKey().equals("redactions")) {
                    if (details == null) {
                        details = ev.putObject("details");
                    }
                    details.put(f.getKey(), Redacted.detail(f.getValue()));
                }
            }
        }
        return o;
    }

    private static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode o = JSON.createObjectNode();
        new TreeMap<>(counts).forEach(o::put);
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
