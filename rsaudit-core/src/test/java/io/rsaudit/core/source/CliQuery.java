package io.rsaudit.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the AWS CLI does with {@code --query ... --output text}: JMESPath (the io.burt implementation, which
 * follows the specification's compliance tests) and then the CLI's text rendering ({@code awscli/text.py}) of
 * the scalars and lists such queries return.
 */
final class CliQuery {

    private static final JacksonRuntime JMESPATH = new JacksonRuntime();

    private CliQuery() {}

    static JsonNode search(String expression, JsonNode data) {
        return JMESPATH.compile(expression).search(data == null ? NullNode.getInstance() : data);
    }

    /** The AWS CLI's {@code --output text} rendering of a query result (scalars and lists only). */
    static String text(JsonNode value) {
        StringBuilder b = new StringBuilder();
        formatText(value, b);
        return b.toString();
    }

    private static void formatText(JsonNode item, StringBuilder out) {
        if (item.isObject()) {
            throw new IllegalArgumentException("text output of an object is not supported by the fake");
        }
        if (item.isArray()) {
            if (item.isEmpty()) {
                return;
            }
            List<JsonNode> scalars = new ArrayList<>();
            List<JsonNode> nested = new ArrayList<>();
            for (JsonNode e : item) {
                if (e.isObject()) {
                    throw new IllegalArgumentException("text output of objects is not supported by the fake");
                }
                (e.isArray() ? nested : scalars).add(e);
            }
            if (!scalars.isEmpty()) {
                List<String> parts = new ArrayList<>();
                scalars.forEach(s -> parts.add(scalar(s)));
                out.append(String.join("\t", parts)).append('\n');
            }
            nested.forEach(n -> formatText(n, out));
            return;
        }
        out.append(scalar(item)).append('\n');
    }

    private static String scalar(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        return v.asText();
    }

    // --- tokens -------------------------------------------------------------------------------------------

    private record Token(String type, String value) {}
}
