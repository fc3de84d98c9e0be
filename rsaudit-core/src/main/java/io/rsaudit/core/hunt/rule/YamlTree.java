package io.rsaudit.core.hunt.rule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read as a Jackson tree together with the line of every key and list element, by path
 * ({@code detection.failure.event}, {@code tags[2]}), because a tree alone forgets where things were and a person
 * fixing a rule needs the line.
 */
final class YamlTree {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** @throws IllegalArgumentException with "line N: ..." when the text is not one valid YAML document */
    static YamlTree parse(String text, List<String> duplicates) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlTree(NODES.nullNode(), lines);
            }
            JsonNode root = read(p, "", lines, duplicates);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(
                        "line " + p.currentTokenLocation().getLineNr()
                                + ": a rule file holds one YAML document; found another");
            }
            return new YamlTree(root, lines);
        } catch (StreamReadException e) {
            JsonLocation l = e.getLocation();
            throw new IllegalArgumentException((l == null ? "" : "line " + l.getLineNr() + ": ") + "not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines, List<String> duplicates)
            throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    int line = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    JsonNode value = read(p, child, lines, duplicates);
                    if (o.has(key)) {
                        duplicates.add(child);
                    } else {
                        lines.put(child, line);
                    }
                    o.set(key, value);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + i++ + "]";
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    a.add(read(p, child, lines, duplicates));
                }
                return a;
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            default -> {
                return NODES.textNode(p.getText());
            }
        }
    }

    /** The line of the path, or of its nearest parent that has one; 0 when none does. */
    int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }
}
