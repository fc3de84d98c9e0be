package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.html.HuntHtmlWriter;
import io.rsaudit.core.report.json.HuntJsonWriter;
import io.rsaudit.core.report.junit.HuntJunitWriter;
import io.rsaudit.core.report.sarif.HuntSarifWriter;
import io.rsaudit.core.report.text.HuntTextWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A rule that matches nothing because the policy leaves a list it needs empty is named in every hunt report. */
class IdleRulesReportTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    private static String report(Function<StringWriter, ReportWriter<HuntHeader, Alert, HuntSummary>> writer)
            throws Exception {
        List<Rule> rules = RuleCatalog.builtIn().all();
        List<CompiledRule> compiled =
                rules.stream().map(r -> CompiledRule.of(r, Policy.defaults())).toList();
        StringWriter out = new StringWriter();
        ReportWriter<HuntHeader, Alert, HuntSummary> w = writer.apply(out);
        w.header(new HuntHeader(
                "1.2.3", NOW, List.of("logs"), "policy", rules, HuntHeader.idle(compiled), Severity.INFO));
        w.summary(new HuntSummary(NOW, Reads.read(Map.of(), Map.of()), List.of(), 0, 0, Verdict.CLEAN));
        return out.toString();
    }

    @Test
    void everyReportWithAPlaceForItNamesTheIdleRulesAndTheEmptyList() throws Exception {
        String line = "RSH-CT-020, RSH-CT-021 match nothing: the policy's hunt.auditLogBuckets is empty";
        assertThat(report(HuntTextWriter::new)).contains("idle: " + line);
        assertThat(report(HuntJunitWriter::new))
                .contains("skipped=\"2\"")
                .contains("<skipped message=\"RSH-CT-020 matches nothing: the policy's hunt.auditLogBuckets is"
                        + " empty\">");
        assertThat(report(HuntSarifWriter::new)).contains("\"level\" : \"note\"", line);
        assertThat(report(HuntHtmlWriter::new)).contains("<h2>Idle rules</h2><ul><li>" + line.replace("'", "&#39;"));
        JsonNode rules =
                new ObjectMapper().readTree(report(HuntJsonWriter::new)).path("rules");
        for (JsonNode r : rules) {
            String id = r.path("id").asText();
            if (id.equals("RSH-CT-020") || id.equals("RSH-CT-021")) {
                assertThat(r.path("emptyPolicyLists").toString()).isEqualTo("[\"hunt.auditLogBuckets\"]");
            } else {
                assertThat(r.has("emptyPolicyLists")).as(id).isFalse();
            }
        }
    }
}
