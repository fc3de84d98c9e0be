package io.rsaudit.core.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Documentation;
import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A scan as SARIF 2.1.0. Every check is a rule; every failing or unknown finding (suppressed ones too, with their
 * suppression) is a result, kind {@code fail} or {@code open}; passing and not applicable findings are left out, as
 * code scanning shows every result as an alert. A finding read from an export points at the file, as a path under
 * the scanned folder as given on the command line, and at the line of its JSON pointer; a live one names the
 * resource ARN as a logical location. Collection errors are the invocation's notifications.
 */
public final class ScanSarifWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    private static final String LIVE = "aws://";

    private final Writer out;
    private final Baseline baseline;
    private final JsonLines lines = new JsonLines();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private JsonGenerator g;
    private ScanHeader header;

    public ScanSarifWriter(Writer out) {
        this(out, null);
    }

    /** @param baseline the previous report, or {@code null}: results then have no {@code baselineState} */
    public ScanSarifWriter(Writer out, Baseline baseline) {
        this.out = out;
        this.baseline = baseline;
    }

    @Override
    public void header(ScanHeader header) throws IOException {
        this.header = header;
        g = Sarif.JSON.createGenerator(out);
        Sarif.open(g, header.toolVersion());
        g.writeArrayFieldStart("rules");
        int i = 0;
        for (CheckMetadata c : header.checks()) {
            ruleIndex.put(c.id(), i++);
            g.writeTree(rule(c));
        }
        g.writeEndArray();
        g.writeEndObject(); // driver
        g.writeEndObject(); // tool
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "rsaudit/scan/");
        g.writeEndObject();
        g.writeArrayFieldStart("results");
    }

    @Override
    public void result(Finding f) throws IOException {
        if (f.result() != Result.FAIL && f.result() != Result.UNKNOWN) {
            return;
        }
        g.writeTree(sarifResult(f));
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        g.writeEndArray();
        ObjectNode properties = Sarif.JSON.createObjectNode();
        properties.put("input", header.input());
        properties.put("policy", header.policy());
        properties.put("verdict", summary.verdict().name().toLowerCase(Locale.ROOT));
        properties.put("findings", summary.findings());
        ArrayNode errors = properties.putArray("collectionErrors");
        ArrayNode notifications = Sarif.JSON.createArrayNode();
        for (CollectionError e : header.collectionErrors()) {
            String level = e.isWarning() ? "warning" : "error";
            errors.addObject().put("level", level).put("location", e.location()).put("message", e.message());
            notifications.add(Sarif.notification(level, e.location() + ": " + e.message(), null, 0));
        }
        Sarif.close(g, header.startedAt(), summary.finishedAt(), notifications, properties);
    }

    private static ObjectNode rule(CheckMetadata c) {
        Documentation d = c.documentation();
        ObjectNode r = Sarif.JSON.createObjectNode();
        r.put("id", c.id());
        r.put("name", c.id().replace("-", ""));
        r.putObject("shortDescription").put("text", c.title());
        r.putObject("fullDescription").put("text", d.summary());
        String markdown = "## " + c.id() + ": " + c.title() + "\n\n" + d.summary() + "\n\n### Risk\n\n" + d.risk()
                + "\n\n### Fix (AWS CLI)\n\n```sh\n" + d.cli() + "\n```\n\n### Fix (console)\n\n" + d.console()
                + "\n\n### Fix (Terraform)\n\n```hcl\n" + d.terraform() + "\n```\n\n### References\n\n"
                + String.join(
                        "\n", d.references().stream().map(ref -> "- " + ref).toList()) + "\n";
        r.putObject("help").put("text", d.summary() + "\n\nRisk: " + d.risk()).put("markdown", markdown);
        d.references().stream()
                .filter(ref -> ref.startsWith("https://"))
                .findFirst()
                .ifPresent(uri -> r.put("helpUri", uri));
        r.putObject("defaultConfiguration").put("level", Sarif.level(c.severity()));
        ObjectNode p = r.putObject("properties");
        ArrayNode tags = p.putArray("tags");
        tags.add("security");
        tags.add(c.area().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Describe.compliance(c.id()).forEach(tags::add);
        p.put("security-severity", Sarif.securitySeverity(c.severity()));
        p.put("precision", "high");
        p.put(
                "problem.severity",
                Sarif.level(c.severity()).equals("note") ? "recommendation" : Sarif.level(c.severity()));
        return r;
    }

    private ObjectNode sarifResult(Finding f) {
        ObjectNode r = Sarif.JSON.createObjectNode();
        r.put("ruleId", f.check().id());
        Integer index = ruleIndex.get(f.check().id());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        boolean fail = f.result() == Result.FAIL;
        r.put("kind", fail ? "fail" : "open");
        // SARIF: a result whose kind is not "fail" has level "none"
        r.put("level", fail ? Sarif.level(f.severity()) : "none");
        r.putObject("message").put("text", f.outcome().message());
        ObjectNode location = r.putArray("locations").addObject();
        Evidence e = f.outcome().evidence();
        String where =
                e != null ? e.provenance().location() : f.resource().origin().location();
        String pointer =
                e != null ? e.provenance().pointer() : f.resource().origin().pointer();
        if (where != null && !where.startsWith(LIVE)) {
            Path file = Path.of(header.input()).resolve(where);
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", Sarif.uri(uri(header.input(), where)));
            OptionalInt line = lines.lineOf(file, pointer);
            if (line.isPresent()) {
                physical.putObject("region").put("startLine", line.getAsInt());
            }
        }
        location.putArray("logicalLocations")
                .addObject()
                .put("fullyQualifiedName", f.resource().arn())
                .put("name", f.resource().name())
                .put("kind", "resource");
        String fingerprint = Fingerprint.of(f);
        r.putObject("partialFingerprints").put("rsaudit/v1", fingerprint);
        if (baseline != null) {
            r.put("baselineState", baseline.mark(fingerprint).label());
        }
        if (f.isSuppressed()) {
            r.putArray("suppressions")
                    .addObject()
                    .put("kind", "external")
                    .put("status", "accepted")
                    .put(
                            "justification",
                            f.suppressedBy().reason() + " (until "
                                    + f.suppressedBy().expires() + ")");
        }
        ObjectNode p = r.putObject("properties");
        p.put("outcome", Describe.outcome(f.result()));
        p.put("severity", f.severity().label());
        p.put("account", f.resource().scope().account());
        p.put("region", f.resource().scope().region());
        p.put("resourceType", f.resource().type().name().toLowerCase(Locale.ROOT));
        if (pointer != null) {
            p.put("jsonPointer", pointer);
        }
        if (f.outcome().reason() != null) {
            p.put("reason", f.outcome().reason().kind().label());
        }
        p.put("fix", f.remediationCli());
        ArrayNode tags = p.putArray("tags");
        Describe.compliance(f.check().id()).forEach(tags::add);
        return r;
    }

    /** The file as a relative URI: the input folder as given, then the location, with forward slashes. */
    static String uri(String input, String location) {
        String base = input.replace('\\', '/');
        while (base.startsWith("./")) {
            base = base.substring(2);
        }
        if (base.equals(".") || base.isEmpty()) {
            return location;
        }
        return (base.endsWith("/") ? base : base + "/") + location;
    }
}
