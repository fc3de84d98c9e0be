package io.rsaudit.core.report.asff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Every hunt alert as an ASFF finding. {@code Id} is {@code rsaudit/<rule>/<fingerprint>}; {@code Types} the rule's
 * ATT&amp;CK tactics as {@code TTPs/<Tactic>} ({@code Unusual Behaviors/User} when it names none); the resource the
 * cluster when the alert names one, else the account. Security Hub needs one account and region per finding: an
 * alert whose evidence spans several takes those of its first evidence record, and one that has none at all is
 * written with account {@code 000000000000} and {@code us-east-1}, which Security Hub rejects by name in the
 * import's {@code FailedFindings}.
 */
public final class HuntAsffWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    private final Batches batches;
    private HuntHeader header;

    public HuntAsffWriter(Writer out) {
        this.batches = new Batches(out);
    }

    @Override
    public void header(HuntHeader header) {
        this.header = header;
    }

    @Override
    public void result(Alert a) throws IOException {
        batches.add(finding(a));
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        batches.finish();
    }

    private ObjectNode finding(Alert a) {
        String account = single(a.account());
        String region = single(a.region());
        if ((account == null || region == null) && !a.evidence().isEmpty()) {
            Event first = a.evidence().get(0);
            account = account != null ? account : single(first.account());
            region = region != null ? region : single(first.region());
        }
        account = account == null ? "000000000000" : account;
        region = region == null ? "us-east-1" : region;
        String partition = Arns.partition(region);
        String time = header.startedAt().toString();
        ObjectNode n = Batches.JSON.createObjectNode();
        n.put("SchemaVersion", Batches.SCHEMA_VERSION);
        n.put("Id", "rsaudit/" + a.ruleId() + "/" + Fingerprint.of(a));
        n.put("ProductArn", Batches.productArn(partition, region, account));
        n.put("ProductName", "rsaudit");
        n.put("CompanyName", "rsaudit");
        n.put("GeneratorId", "rsaudit/" + a.ruleId());
        n.put("AwsAccountId", account);
        n.put("Region", region);
        ArrayNode types = n.putArray("Types");
        for (String tag : a.tags()) {
            String t = tag.startsWith("attack.") ? tag.substring("attack.".length()) : "";
            if (!t.isEmpty() && !t.matches("t\\d{4}(\\.\\d{3})?")) {
                types.add("TTPs/" + title(t));
            }
        }
        if (types.isEmpty()) {
            types.add("Unusual Behaviors/User");
        }
        if (a.first() != null) {
            n.put("FirstObservedAt", a.first().toString());
        }
        if (a.last() != null) {
            n.put("LastObservedAt", a.last().toString());
        }
        n.put("CreatedAt", time);
        n.put("UpdatedAt", time);
        n.putObject("Severity")
                .put("Label", Batches.label(a.level()))
                .put("Original", a.level().label());
        n.put("Title", Batches.cut(a.ruleId() + " " + a.title(), 256));
        n.put("Description", Batches.cut(Redacted.safe(a.summary()), 1024));
        ObjectNode resource = n.putArray("Resources").addObject();
        String cluster = single(a.cluster());
        if (cluster != null) {
            resource.put("Type", "AwsRedshiftCluster");
            resource.put("Id", Arns.redshift(new Scope(account, region), "cluster", cluster));
        } else {
            resource.put("Type", "AwsAccount");
            resource.put("Id", "AWS::::Account:" + account);
        }
        resource.put("Partition", partition);
        resource.put("Region", region);
        n.put("RecordState", "ACTIVE");
        n.putObject("Workflow").put("Status", "NEW");
        ObjectNode fields = n.putObject("ProductFields");
        fields.put("rsaudit/rule", a.ruleId());
        fields.put("rsaudit/events", Long.toString(a.eventCount()));
        fields.put("rsaudit/fingerprint", Fingerprint.of(a));
        if (a.actor() != null) {
            fields.put("rsaudit/actor", Batches.cut(Redacted.safe(a.actor()), 4096));
        }
        if (a.sourceAddress() != null) {
            fields.put("rsaudit/sourceAddress", Batches.cut(a.sourceAddress(), 4096));
        }
        int i = 0;
        for (Event e : a.evidence()) {
            if (i == 10) {
                break;
            }
            fields.put("rsaudit/evidence/" + i++, Batches.cut(e.origin() + " " + Redacted.describe(e), 4096));
        }
        return n;
    }

    /** {@code value} when it names one thing; {@code null} when absent or a comma-separated list. */
    private static String single(String value) {
        return value == null || value.isBlank() || value.contains(",") ? null : value.strip();
    }

    private static String title(String tactic) {
        StringBuilder b = new StringBuilder();
        for (String w : tactic.split("_")) {
            b.append(b.length() == 0 ? "" : " ")
                    .append(w.substring(0, 1).toUpperCase(Locale.ROOT))
                    .append(w.substring(1));
        }
        return b.toString();
    }
}
