package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.check.transit.ClusterRequiresSsl;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.report.html.HuntHtmlWriter;
import io.rsaudit.core.report.html.ScanHtmlWriter;
import io.rsaudit.core.scan.AgeReference;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Markup and quotes in resource names, tags, messages and SQL come out of the HTML reports as text. */
class HtmlEscapingTest {

    static final String EVIL = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** The report, less its own one script element: no markup from the input may remain. */
    static void noInjectedMarkup(String html) {
        assertThat(html.split("<script", -1))
                .as("one script element: the report's own")
                .hasSize(2);
        assertThat(html).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img");
    }

    @Test
    void aScanPrintsHostileResourceNamesAndValuesAsText() throws Exception {
        CheckMetadata check = CheckMetadata.of(new ClusterRequiresSsl());
        Scope scope = new Scope("111111111111", "eu-west-1");
        ResourceId resource = new ResourceId(
                ResourceType.CLUSTER,
                scope,
                EVIL,
                "arn:aws:redshift:eu-west-1:111111111111:cluster:" + EVIL,
                Provenance.of("111111111111/eu-west-1/redshift/describe-clusters.json", "/Clusters/0"));
        Evidence evidence =
                new Evidence("tag " + EVIL, Status.KNOWN, Provenance.of("x.json", "/Clusters/0/Tags/0/Value"), null);
        Finding f = new Finding(
                check, resource, new Outcome(Result.FAIL, "message " + EVIL, evidence, null), Severity.HIGH, null);
        StringWriter out = new StringWriter();
        ScanHtmlWriter w = new ScanHtmlWriter(out);
        w.header(new ScanHeader(
                "1.2.3",
                NOW,
                "in " + EVIL,
                "policy " + EVIL,
                Severity.INFO,
                List.of(scope),
                List.of(check),
                List.of(),
                new AgeReference(NOW, AgeReference.Basis.SCAN_START)));
        w.result(f);
        w.summary(new ScanSummary(
                NOW,
                1,
                Map.of(Result.FAIL, 1L),
                0,
                Map.of(Severity.HIGH, 1L),
                1,
                0,
                List.of(),
                List.of(),
                0,
                Verdict.FINDINGS));
        noInjectedMarkup(out.toString());
    }

    @Test
    void aHuntPrintsHostileUsersTagsAndSqlAsText() throws Exception {
        Event e = new Event(
                LogType.USER_ACTIVITY_LOG,
                NOW,
                "111111111111",
                "eu-west-1",
                "c",
                "db",
                "u" + EVIL,
                "10.0.0.1",
                "query",
                "select '" + EVIL + "'",
                EventOutcome.UNKNOWN,
                null,
                Map.of(),
                new Origin("logs/" + EVIL, 3, 0));
        Alert a = new Alert(
                "RSH-X-001",
                "title " + EVIL,
                Severity.HIGH,
                List.of("tag" + EVIL),
                NOW,
                NOW,
                "u" + EVIL,
                "10.0.0.1",
                "c" + EVIL,
                "111111111111",
                "eu-west-1",
                "summary " + EVIL,
                1,
                List.of(e),
                List.of());
        StringWriter out = new StringWriter();
        HuntHtmlWriter w = new HuntHtmlWriter(out);
        w.header(new HuntHeader(
                "1.2.3", NOW, List.of("logs " + EVIL), "policy", List.of(), java.util.Map.of(), Severity.INFO));
        w.result(a);
        ReadSummary read = Reads.read(
                Map.of("unknown-type", 1L),
                Map.of(),
                new ReadProblem(new Origin("logs/" + EVIL, 2, 0), ReadProblem.Kind.MALFORMED, "bad line " + EVIL));
        w.summary(new HuntSummary(NOW, read, List.of("note " + EVIL), 1, 1, Verdict.FINDINGS));
        noInjectedMarkup(out.toString());
    }

    /** An incomplete hunt's page names what it could not read, where, and why, with secrets removed. */
    @Test
    void aHuntPageListsWhatWasLeftOutAndEachReadProblemWithoutSecrets() throws Exception {
        StringWriter out = new StringWriter();
        HuntHtmlWriter w = new HuntHtmlWriter(out);
        w.header(new HuntHeader(
                "1.2.3", NOW, List.of("s3://b/AWSLogs/"), "policy", List.of(), java.util.Map.of(), Severity.INFO));
        ReadSummary read = Reads.read(
                Map.of("since", 1L, "cloudtrail-digest", 2L),
                Map.of("region", 3L),
                new ReadProblem(
                        new Origin("s3://b/AWSLogs/x.gz", 0, 0),
                        ReadProblem.Kind.UNREADABLE,
                        "cannot read s3://b/AWSLogs/x.gz: AccessDenied"),
                new ReadProblem(
                        new Origin("logs/y", 7, 0),
                        ReadProblem.Kind.MALFORMED,
                        "bad record: create user u password 'hunter2'"));
        w.summary(new HuntSummary(NOW, read, List.of(), 0, 0, Verdict.INCOMPLETE));
        String html = out.toString();
        assertThat(html)
                .contains("3 file(s), 10 byte(s), 5 record(s), 4 event(s), 1 filtered (rdsdb 1), 0 malformed")
                .contains("Skipped files: cloudtrail-digest 2, since 1")
                .contains("Folders not listed: region 3")
                .contains("Read problems (2)")
                .contains("<td>s3://b/AWSLogs/x.gz:0</td><td>unreadable</td><td>cannot read s3://b/AWSLogs/x.gz:"
                        + " AccessDenied</td>")
                .contains("<td>logs/y:7</td><td>malformed</td>")
                .doesNotContain("hunter2");
    }
}
