package io.rsaudit.core.report.asff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Every scan finding as an ASFF finding. {@code Id} is {@code rsaudit/<check>/<fingerprint>}: the same resource
 * and check give the same Id in every run, so a re-import updates. {@code Compliance.Status} is PASSED, FAILED,
 * WARNING (unknown) or NOT_AVAILABLE (not applicable); {@code Workflow.Status} NEW for an open result, RESOLVED for a
 * passing one, SUPPRESSED when a suppression covers it. An account-wide finding is imported into the first region
 * the scan covered in that account ({@code us-east-1} when none).
 */
public final class ScanAsffWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    private final Batches batches;
    private ScanHeader header;

    public ScanAsffWriter(Writer out) {
        this.batches = new Batches(out);
    }

    @Override
    public void header(ScanHeader header) {
        this.header = header;
    }

    @Override
    public void result(Finding f) throws IOException {
        batches.add(finding(f));
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        batches.finish();
    }

    private ObjectNode finding(Finding f) {
        Scope scope = f.resource().scope();
        String region = scope.region() != null ? scope.region() : homeRegion(scope.account());
        String partition = Arns.partition(region);
        String time = header.startedAt().toString();
        ObjectNode n = Batches.JSON.createObjectNode();
        n.put("SchemaVersion", Batches.SCHEMA_VERSION);
        n.put("Id", "rsaudit/" + f.check().id() + "/" + Fingerprint.of(f));
        n.put("ProductArn", Batches.productArn(partition, region, scope.account()));
        n.put("ProductName", "rsaudit");
        n.put("CompanyName", "rsaudit");
        n.put("GeneratorId", "rsaudit/" + f.check().id());
        n.put("AwsAccountId", scope.account());
        n.put("Region", region);
        n.putArray("Types").add("Software and Configuration Checks/AWS Security Best Practices");
        n.put("CreatedAt", time);
        n.put("UpdatedAt", time);
        ObjectNode severity = n.putObject("Severity");
        severity.put("Label", f.result() == Result.PASS ? "INFORMATIONAL" : Batches.label(f.severity()));
        severity.put("Original", f.severity().label());
        n.put("Title", Batches.cut(f.check().id() + " " + f.check().title(), 256));
        n.put("Description", Batches.cut(f.outcome().message(), 1024));
        ObjectNode recommendation = n.putObject("Remediation").putObject("Recommendation");
        recommendation.put(
                "Text",
                Batches.cut(
                        f.result() == Result.FAIL || f.result() == Result.UNKNOWN
                                ? f.remediationCli()
                                : f.check().documentation().console(),
                        512));
        f.check().documentation().references().stream()
                .filter(r -> r.startsWith("https://"))
                .findFirst()
                .ifPresent(url -> recommendation.put("Url", url));
        ObjectNode resource = n.putArray("Resources").addObject();
        resource.put("Type", type(f.resource().type()));
        resource.put("Id", f.resource().arn());
        resource.put("Partition", partition);
        resource.put("Region", region);
        ObjectNode compliance = n.putObject("Compliance");
        compliance.put(
                "Status",
                switch (f.result()) {
                    case PASS -> "PASSED";
                    case FAIL -> "FAILED";
                    case UNKNOWN -> "WARNING";
                    case NOT_APPLICABLE -> "NOT_AVAILABLE";
                });
        List<String> ids = Describe.compliance(f.check().id());
        if (!ids.isEmpty()) {
            ArrayNode related = compliance.putArray("RelatedRequirements");
            ids.stream().limit(32).forEach(related::add);
        }
        if (f.outcome().reason() != null) {
            compliance
                    .putArray("StatusReasons")
                    .addObject()
                    .put("ReasonCode", f.outcome().reason().kind().name())
                    .put("Description", Batches.cut(f.outcome().message(), 2048));
        }
        n.put("RecordState", "ACTIVE");
        String workflow = f.isSuppressed()
                ? "SUPPRESSED"
                : f.result() == Result.FAIL || f.result() == Result.UNKNOWN ? "NEW" : "RESOLVED";
        n.putObject("Workflow").put("Status", workflow);
        ObjectNode fields = n.putObject("ProductFields");
        fields.put("rsaudit/check", f.check().id());
        fields.put("rsaudit/outcome", Describe.outcome(f.result()));
        fields.put("rsaudit/fingerprint", Fingerprint.of(f));
        String evidence = Describe.evidence(f);
        if (!evidence.isEmpty()) {
            fields.put("rsaudit/evidence", Batches.cut(evidence, 4096));
        }
        if (f.isSuppressed()) {
            fields.put("rsaudit/suppression", Batches.cut(f.suppressedBy().reason(), 4096));
        }
        return n;
    }

    private String homeRegion(String account) {
        return header.scopes().stream()
                .filter(s -> s.account().equals(account) && s.region() != null)
                .map(Scope::region)
                .sorted()
                .findFirst()
                .orElse("us-east-1");
    }

    /** The ASFF resource type: the Redshift, KMS and account types ASFF names, {@code Other} for the rest. */
    static String type(ResourceType t) {
        return switch (t) {
            case CLUSTER -> "AwsRedshiftCluster";
            case KMS_KEY -> "AwsKmsKey";
            case ACCOUNT -> "AwsAccount";
            default -> "Other";
        };
    }
}
