package io.rsaudit.core.report.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Each scan finding as an OCSF Compliance Finding (class 2003), one per line. {@code finding_info.uid} is the
 * finding's fingerprint, stable across runs; {@code compliance.control} the check id, {@code compliance.standards}
 * the frameworks that map it, {@code compliance.requirements} their requirement ids; {@code compliance.status_id} 1
 * Pass, 3 Fail, 0 Unknown for an unknown and 99 Other ({@code status} "Not applicable") for a not applicable
 * result. {@code status_id} is 1 New, or 3 Suppressed when a suppression covers the finding.
 */
public final class ScanOcsfWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    private final Writer out;
    private ScanHeader header;

    public ScanOcsfWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(ScanHeader header) {
        this.header = header;
    }

    @Override
    public void result(Finding f) throws IOException {
        Ocsf.line(out, event(f));
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        out.flush();
    }

    private ObjectNode event(Finding f) {
        String uid = Fingerprint.of(f);
        ObjectNode e = Ocsf.event(Ocsf.COMPLIANCE_FINDING, "Compliance Finding");
        e.put("time", header.startedAt().toEpochMilli());
        Ocsf.severity(e, f.severity());
        e.put("status_id", f.isSuppressed() ? 3 : 1);
        e.put("status", f.isSuppressed() ? "Suppressed" : "New");
        e.put("message", f.outcome().message());
        Ocsf.metadata(e, header.toolVersion(), uid);
        Ocsf.cloud(e, f.resource().scope().account(), f.resource().scope().region());

        ObjectNode info = e.putObject("finding_info");
        info.put("uid", uid);
        info.put("title", f.check().title());
        info.put("desc", f.check().documentation().summary());
        info.putArray("types")
                .add("Redshift configuration")
                .add(f.check().area().title());
        info.put("created_time", header.startedAt().toEpochMilli());
        info.putObject("analytic")
                .put("uid", f.check().id())
                .put("name", f.check().title())
                .put("type_id", 1)
                .put("type", "Rule");

        ObjectNode compliance = e.putObject("compliance");
        compliance.put("control", f.check().id());
        List<String> ids = Describe.compliance(f.check().id());
        ArrayNode standards = compliance.putArray("standards");
        ids.stream().map(id -> id.substring(0, id.indexOf(':'))).distinct().forEach(standards::add);
        if (standards.isEmpty()) {
            standards.add("rsaudit");
        }
        ArrayNode requirements = compliance.putArray("requirements");
        ids.forEach(requirements::add);
        int status = switch (f.result()) {
            case PASS -> 1;
            case FAIL -> 3;
            case UNKNOWN -> 0;
            case NOT_APPLICABLE -> 99;
        };
        compliance.put("status_id", status);
        compliance.put(
                "status",
                switch (f.result()) {
                    case PASS -> "Pass";
                    case FAIL -> "Fail";
                    case UNKNOWN -> "Unknown";
                    case NOT_APPLICABLE -> "Not applicable";
                });
        if (f.outcome().reason() != null) {
            compliance.put(
                    "status_detail",
                    f.outcome().reason().kind().label() + ": " + f.outcome().message());
        }

        ObjectNode remediation = e.putObject("remediation");
        remediation.put(
                "desc",
                f.result() == Result.FAIL || f.result() == Result.UNKNOWN
                        ? f.remediationCli()
                        : f.check().documentation().console());
        ArrayNode references = remediation.putArray("references");
        f.check().documentation().references().forEach(references::add);

        ObjectNode resource = e.putArray("resources").addObject();
        resource.put("uid", f.resource().arn());
        resource.put("name", f.resource().name());
        resource.put("type", f.resource().type().name().toLowerCase(Locale.ROOT));
        resource.put("cloud_partition", f.resource().scope().partition());
        if (f.resource().scope().region() != null) {
            resource.put("region", f.resource().scope().region());
        }
        String evidence = Describe.evidence(f);
        if (!evidence.isEmpty()) {
            resource.putObject("data").put("evidence", evidence);
        }
        ObjectNode unmapped = e.putObject("unmapped");
        unmapped.put("outcome", Describe.outcome(f.result()));
        if (f.isSuppressed()) {
            unmapped.put("suppression_reason", f.suppressedBy().reason());
            unmapped.put("suppression_expires", f.suppressedBy().expires().toString());
        }
        return e;
    }
}
