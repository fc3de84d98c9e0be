package io.rsaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.report.json.HuntJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a run's output under the output prefix:
 *
 * <ul>
 *   <li>{@code report.json}: the hunt report of schema {@value HuntJsonWriter#SCHEMA}, written by core's writer, as
 *       {@code rsaudit hunt --format json} writes it;
 *   <li>{@code alerts/date=YYYY-MM-DD/part-<run start>.jsonl}: each alert of the report, one JSON object a line, in
 *       the folder of its first evidence's day (UTC; {@code date=none} for an alert without time); a run that is
 *       not incremental replaces the folder {@code alerts/}, an incremental run adds its own part files;
 *   <li>{@code summary.json}: files (found, read, read by an earlier run), records, malformed records and every
 *       problem with its file and line, the time range, alerts by rule, what was not judged, the verdict;
 *   <li>{@code state.json} for an incremental run ({@link State}).
 * </ul>
 */
final class Output {

    static final String SUMMARY_SCHEMA = "rsaudit-spark-summary/1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RUN =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Output() {}

    /** The hunt report as {@code rsaudit hunt --format json} writes it. */
    static String report(SparkHunt.Result r) {
        StringWriter text = new StringWriter();
        HuntJsonWriter w = new HuntJsonWriter(text);
        try {
            w.header(r.header());
            for (Alert a : r.alerts()) {
                w.result(a);
            }
            w.summary(r.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static void write(JobOptions options, SparkHunt.Result r, Configuration conf) throws IOException {
        String out = options.output();
        Store store = Store.of(out, conf);
        String report = report(r);
        put(store, store.child(out, "report.json"), report);

        JsonNode tree = JSON.readTree(report);
        Map<String, StringBuilder> byDay = new TreeMap<>();
        Map<String, Long> byRule = new LinkedHashMap<>();
        r.header().rules().forEach(rule -> byRule.put(rule.id(), 0L));
        for (JsonNode a : tree.path("alerts")) {
            JsonNode first = a.path("first");
            String day = first.isTextual() ? DAY.format(java.time.Instant.parse(first.asText())) : "none";
            byDay.computeIfAbsent(day, d -> new StringBuilder())
                    .append(JSON.writeValueAsString(a))
                    .append('\n');
            byRule.merge(a.path("rule").asText(), 1L, Long::sum);
        }
        String alerts = store.child(out, "alerts");
        if (!options.incremental()) {
            store.deleteTree(alerts);
        }
        String part = "part-" + RUN.format(r.header().startedAt()) + ".jsonl";
        for (Map.Entry<String, StringBuilder> e : byDay.entrySet()) {
            put(
                    store,
                    store.child(store.child(alerts, "date=" + e.getKey()), part),
                    e.getValue().toString());
        }

        ObjectNode s = JSON.createObjectNode();
        s.put("schema", SUMMARY_SCHEMA);
        s.put("startedAt", r.header().startedAt().toString());
        s.put("finishedAt", r.summary().finishedAt().toString());
        s.set("inputs", JSON.valueToTree(r.header().inputs()));
        s.put("policy", r.header().policy());
        ObjectNode files = s.putObject("files");
        files.put("read", r.files().size());
        files.put("readBefore", r.previouslyRead());
        JsonNode read = tree.path("read");
        s.set("read", read);
        ObjectNode range = s.putObject("timeRange");
        range.set("first", read.path("first"));
        range.set("last", read.path("last"));
        s.put("alerts", r.alerts().size());
        ObjectNode rules = s.putObject("alertsByRule");
        byRule.forEach((id, n) -> {
            if (n > 0) {
                rules.put(id, n);
            }
        });
        s.set("notJudged", tree.path("notJudged"));
        s.put("verdict", tree.path("verdict").asText());
        put(
                store,
                store.child(out, "summary.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s) + "\n");

        if (options.incremental()) {
            r.state().write(out, conf);
        }
    }

    private static void put(Store store, String path, String text) throws IOException {
        try (OutputStream o = store.create(path)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
