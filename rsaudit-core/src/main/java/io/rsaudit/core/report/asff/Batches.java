package io.rsaudit.core.report.asff;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Holds findings until a batch is full, then writes it as one line: a JSON array of at most {@value #MAX}. */
final class Batches {

    /** The most findings one {@code BatchImportFindings} call accepts. */
    static final int MAX = 100;

    static final String SCHEMA_VERSION = "2018-10-08";
    static final ObjectMapper JSON =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Writer out;
    private ArrayNode batch = JSON.createArrayNode();

    Batches(Writer out) {
        this.out = out;
    }

    void add(ObjectNode finding) throws IOException {
        batch.add(finding);
        if (batch.size() == MAX) {
            flush();
        }
    }

    /** Writes what is held, if anything, and flushes the output. */
    void finish() throws IOException {
        flush();
        out.flush();
    }

    private void flush() throws IOException {
        if (!batch.isEmpty()) {
            out.write(JSON.writeValueAsString(batch));
            out.write('\n');
            batch = JSON.createArrayNode();
        }
    }

    /** The product ARN of findings an account imports itself: its {@code default} product in the region. */
    static String productArn(String partition, String region, String account) {
        return "arn:" + partition + ":securityhub:" + region + ":" + account + ":product/" + account + "/default";
    }

    static String label(Severity s) {
        return s == Severity.INFO ? "INFORMATIONAL" : s.name().toUpperCase(Locale.ROOT);
    }

    /** {@code s} cut to {@code max} characters, ending with an ellipsis when cut. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
