package io.rsaudit.core.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hunt as SARIF 2.1.0: a rule per detection rule, a result per alert. The alert's first evidence record is its
 * location (the log file as read and the record's line); the next ones, up to {@value #RELATED}, are related
 * locations. Secrets are removed from every value printed from a log record.
 */
public final class HuntSarifWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    static final int RELATED = 20;

    private final Writer out;
    private final Baseline baseline;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private JsonGenerator g;
    private HuntHeader header;

    public HuntSarifWriter(Writer out) {
        this(out, null);
    }

    /** @param baseline the previous report, or {@code null}: results then have no {@code baselineState} */
    public HuntSarifWriter(Writer out, Baseline baseline) {
        this.out = out;
        this.baseline = baseline;
    }

    @Override
    public void header(HuntHeader header) throws IOException {
        this.header = header;
        g = Sarif.JSON.createGenerator(out);
        Sarif.open(g, header.toolVersion());
        g.writeArrayFieldStart("rules");
        int i = 0;
        for (Rule rule : header.rules()) {
            ruleIndex.put(rule.id(), i++);
            g.writeTree(rule(rule));
        }
        g.writeEndArray();
        g.writeEndObject(); // driver
        g.writeEndObject(); // tool
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "rsaudit/hunt/");
        g.writeEndObject();
        g.writeArrayFieldStart("results");
    }

    @Override
    public void result(Alert a) throws IOException {
        g.writeTree(sarifResult(a));
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        g.writeEndArray();
        ObjectNode properties = Sarif.JSON.createObjectNode();
        properties.put("policy", header.policy());
        properties.put("verdict", summary.verdict().name().toLowerCase(Locale.ROOT));
        properties.put("alerts", summary.alerts());
        properties.put("records", summary.read().records());
        Sarif.close(g, header.startedAt(), summary.finishedAt(), notifications(header, summary), properties);
    }

    /** Each read problem at its file and line, and each note of what was not judged. */
    private static ArrayNode notifications(HuntHeader header, HuntSummary summary) {
        ArrayNode all = Sarif.JSON.createArrayNode();
        for (ReadProblem p : summary.read().problems()) {
            String level = switch (p.kind()) {
                case MALFORMED, OVERSIZED, ORPHAN_LINES, INVALID_UTF8, MORE -> "warning";
                default -> "error";
            };
            all.add(Sarif.notification(
                    level,
                    Redacted.safe(p.message()),
                    p.origin().file(),
                    p.origin().line()));
        }
        for (String note : summary.notes()) {
            all.add(Sarif.notification("warning", Redacted.safe(note), null, 0));
        }
        for (String idle : header.idleLines()) {
            all.add(Sarif.notification("note", idle, null, 0));
        }
        return all;
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode r = Sarif.JSON.createObjectNode();
        r.put("id", rule.id());
        r.put("name", rule.id().replace("-", ""));
        r.putObject("shortDescription").put("text", rule.title());
        String description =
                rule.description() == null ? rule.title() : rule.description().strip();
        r.putObject("fullDescription").put("text", description);
        StringBuilder md = new StringBuilder("## " + rule.id() + ": " + rule.title() + "\n\n" + description + "\n");
        if (!rule.falsePositives().isEmpty()) {
            md.append("\n### False positives\n\n");
            rule.falsePositives().forEach(fp -> md.append("- ").append(fp).append('\n'));
        }
        if (!rule.references().isEmpty()) {
            md.append("\n### References\n\n");
            rule.references().forEach(ref -> md.append("- ").append(ref).append('\n'));
        }
        r.putObject("help").put("text", description).put("markdown", md.toString());
        r.putObject("defaultConfiguration").put("level", Sarif.level(rule.level()));
        ObjectNode p = r.putObject("properties");
        ArrayNode tags = p.putArray("tags");
        tags.add("security");
        rule.tags().forEach(tags::add);
        p.put("security-severity", Sarif.securitySeverity(rule.level()));
        return r;
    }

    private ObjectNode sarifResult(Alert a) {
        ObjectNode r = Sarif.JSON.createObjectNode();
        r.put("ruleId", a.ruleId());
        Integer index = ruleIndex.get(a.ruleId());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("kind", "fail");
        r.put("level", Sarif.level(a.level()));
        r.putObject("message").put("text", Redacted.safe(a.summary()));
        ArrayNode locations = r.putArray("locations");
        ArrayNode related = null;
        int n = 0;
        for (Event e : a.evidence()) {
            if (n > RELATED) {
                break;
            }
            ObjectNode l = n == 0
                    ? locations.addObject()
                    : (related == null ? related = r.putArray("relatedLocations") : related).addObject();
            if (n > 0) {
                l.put("id", n);
                l.putObject("message").put("text", Redacted.describe(e));
            }
            ObjectNode physical = l.putObject("physicalLocation");
            physical.putObject("artifactLocation")
                    .put("uri", Sarif.uri(e.origin().file().replace('\\', '/')));
            if (e.origin().line() > 0) {
                physical.putObject("region").put("startLine", e.origin().line());
            }
            n++;
        }
        if (a.cluster() != null) {
            ObjectNode l = locations.isEmpty() ? locations.addObject() : (ObjectNode) locations.get(0);
            l.putArray("logicalLocations").addObject().put("name", a.cluster()).put("kind", "resource");
        }
        String fingerprint = Fingerprint.of(a);
        r.putObject("partialFingerprints").put("rsaudit/v1", fingerprint);
        if (baseline != null) {
            r.put("baselineState", baseline.mark(fingerprint).label());
        }
        ObjectNode p = r.putObject("properties");
        p.put("level", a.level().label());
        p.put("first", a.first() == null ? null : a.first().toString());
        p.put("last", a.last() == null ? null : a.last().toString());
        p.put("actor", Redacted.safe(a.actor()));
        p.put("sourceAddress", a.sourceAddress());
        p.put("account", a.account());
        p.put("region", a.region());
        p.put("eventCount", a.eventCount());
        ArrayNode tags = p.putArray("tags");
        a.tags().forEach(tags::add);
        return r;
    }
}
