package io.rsaudit.core.report.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
        assertThat(doc.getElementsByTagName("testcase").getLength())
                .isEqualTo(json.path("rules").size());
        long alertingRules = java.util.stream.StreamSupport.stream(
                        json.path("alerts").spliterator(), false)
                .map(a -> a.path("rule").asText())
                .distinct()
                .count();
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(Long.toString(alertingRules));
    }
}
