package io.rsaudit.core.hunt.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
import io.rsaudit.core.report.JsonEnvelope;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The machine-readable hunt report, schema {@value #SCHEMA} ({@code docs/hunt-report.md}); alerts are streamed. */
public final class HuntJsonReporter {

    public static final String SCHEMA = "rsaudit-hunt/1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public void write(HuntReport report, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            JsonEnvelope.open(g, SCHEMA, report.toolVersion(), report.startedAt(), report.finishedAt());
            g.writeFieldName("inputs");
            g.writeTree(JSON.valueToTree(report.inputs()));
            JsonEnvelope.judgement(g, report.policy(), report.failOn(), report.verdict());
            g.writeFieldName("read");
            g.writeTree(read(report.read()));
            g.writeFieldName("notJudged");
            g.writeTree(JSON.valueToTree(report.notes()));
            g.writeFieldName("rules");
            g.writeTree(rules(report));
            g.writeArrayFieldStart("alerts");
            for (Alert a : report.alerts()) {
                g.writeTree(alert(a));
            }
            g.writeEndArray();
            JsonEnvelope.close(g);
        }
    }

    private static ObjectNode read(ReadSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("files", s.files());
        o.set("skippedFiles", counts(s.skippedFiles()));
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
                    .put("message", HuntReport.safe(p.message()));
        }
        return o;
    }

    private static ArrayNode rules(HuntReport report) {
        ArrayNode a = JSON.createArrayNode();
        for (Rule r : report.rules()) {
            a.addObject()
                    .put("id", r.id())
                    .put("title", r.title())
                    .put("level", r.level().label())
                    .put("source", r.source());
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
        o.put("actor", HuntReport.safe(a.actor()));
        o.put("sourceAddress", a.sourceAddress());
        o.put("cluster", a.cluster());
        o.put("account", a.account());
        o.put("region", a.region());
        o.put("summary", HuntReport.safe(a.summary()));
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
            ev.put("user", HuntReport.safe(e.user()));
            ev.put("sourceAddress", e.sourceAddress());
            ev.put("action", e.action());
            ev.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
            if (e.sql() != null) {
                ev.put("sql", HuntReport.safe(e.sql()));
            }
            String redactions = e.fields().get("redactions");
            if (redactions != null) {
                ev.put("redactions", redactions);
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
