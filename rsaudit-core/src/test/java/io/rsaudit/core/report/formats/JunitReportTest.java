package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.report.junit.HuntJunitWriter;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML of the example runs, parsed: counts equal the JSON report's. */
class JunitReportTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aScanIsATestCasePerCheckAndResource() throws Exception {
        Document doc = parse(ExampleRuns.scan("junit"));
        JsonNode summary = new ObjectMapper().readTree(ExampleRuns.scan("json")).path("summary");
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests"))
                .isEqualTo(summary.path("findings").asText());
        JsonNode results = summary.path("results");
        assertThat(root.getAttribute("failures")).isEqualTo(results.path("fail").asText());
        assertThat(root.getAttribute("errors"))
                .isEqualTo(results.path("unknown").asText());
        long skipped = results.path("not_applicable").asLong()
                + results.path("suppressed").asLong();
        assertThat(root.getAttribute("skipped")).isEqualTo(Long.toString(skipped));
        assertThat(doc.getElementsByTagName("testcase").getLength())
                .isEqualTo(summary.path("findings").asInt());
        assertThat(doc.getElementsByTagName("failure").getLength())
                .isEqualTo(results.path("fail").asInt());
        assertThat(doc.getElementsByTagName("testsuite").getLength())
                .isEqualTo(summary.path("checks").asInt());
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains("evidence: ").contains("fix:");
        NodeList skippedCases = doc.getElementsByTagName("skipped");
        assertThat(skippedCases.getLength()).isEqualTo((int) skipped);
    }

    @Test
    void aHuntIsATestCasePerRuleFailingWithItsAlerts() throws Exception {
        Document doc = parse(ExampleRuns.hunt("junit"));
        JsonNode json = new ObjectMapper().readTree(ExampleRuns.hunt("json"));
        // a test case per rule, and one for the inputs, which passes: the example hunt read everything
        assertThat(doc.getElementsByTagName("testcase").getLength())
                .isEqualTo(json.path("rules").size() + 1);
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
        assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("0");
        long alertingRules = java.util.stream.StreamSupport.stream(
                        json.path("alerts").spliterator(), false)
                .map(a -> a.path("rule").asText())
                .distinct()
                .count();
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(Long.toString(alertingRules));
    }

    /** A hunt with alerts that could not read a file says so in an error, not only in its failures. */
    @Test
    void aHuntThatCouldNotReadEverythingHasAnErrorNamingWhatItMissed() throws Exception {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        StringWriter out = new StringWriter();
        HuntJunitWriter w = new HuntJunitWriter(out);
        w.header(new HuntHeader("1.2.3", now, List.of("logs"), "policy", List.of(), java.util.Map.of(), Severity.INFO));
        ReadSummary read = Reads.read(
                Map.of("unreadable", 1L),
                Map.of(),
                new ReadProblem(
                        new Origin("logs/a.gz", 0, 0),
                        ReadProblem.Kind.UNREADABLE,
                        "cannot read logs/a.gz: permission denied"));
        w.summary(new HuntSummary(now, read, List.of(), 1, 1, Verdict.FINDINGS));
        Document doc = parse(out.toString());
        assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        NodeList errors = doc.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(1);
        Element error = (Element) errors.item(0);
        assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("inputs read and judged");
        assertThat(error.getAttribute("message")).isEqualTo("hunt incomplete: 1 read problem(s), 0 note(s)");
        assertThat(error.getTextContent())
                .isEqualTo("logs/a.gz:0  unreadable: cannot read logs/a.gz: permission denied");
    }
}
