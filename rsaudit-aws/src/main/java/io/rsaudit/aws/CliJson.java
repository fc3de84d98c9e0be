package io.rsaudit.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.AwsCliFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response as the AWS CLI prints it: members under their model names ({@link SdkField#memberName()}, the
 * names the CLI prints), absent members left out, timestamps as CLI v2 prints them, blobs in base64, and the pages
 * of a paged call merged into one document without the page token. Generic over every shape: the SDK's own field
 * table is walked, so no shape is mapped by hand.
 */
final class CliJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CliJson() {
    }

    /** The document of one response (or any SDK structure). */
    static ObjectNode of(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = value(field.getValueOrDefault(pojo));
            if (value != null) {
                out.set(field.memberName(), value);
            }
        }
        return out;
    }

    /**
     * The pages of a paged call as the CLI prints them when it follows the pages itself: the list member of every
     * page joined in order, the other members as the first page has them, and no page token (the list is whole).
     */
    static ObjectNode merge(AwsCliCall call, List<? extends SdkPojo> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a call answers with at least one page");
        }
        ObjectNode merged = of(pages.get(0));
        if (call.listMember() == null) {
            return merged;
        }
        ArrayNode list = NODES.arrayNode();
        for (int p = 0; p < pages.size(); p++) {
            JsonNode items = p == 0 ? merged.get(call.listMember()) : member(pages.get(p), call.listMember());
            if (items != null) {
                list.addAll((ArrayNode) items);
            }
        }
        merged.set(call.listMember(), list);
        if (call.pageToken() != null) {
            merged.remove(call.pageToken());
        }
        return merged;
    }

    /** One member of a structure, as {@link #of} gives it; null when it is absent. */
    private static JsonNode member(SdkPojo pojo, String name) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(name)) {
                return value(field.getValueOrDefault(pojo));
            }
        }
        return null;
    }

    private static JsonNode value(Object v) {
        if (v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) {
            return null; // the member was absent from the response: the CLI prints nothing for it
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Short s) {
            return NODES.numberNode(s);
        }
        if (v instanceof Float f) {
            return NODES.numberNode(f.doubleValue());
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Instant t) {
            return NODES.textNode(AwsCliFormat.timestamp(t));
        }
        if (v instanceof SdkBytes b) {
            return NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        }
        if (v instanceof SdkPojo p) {
            return of(p);
        }
        if (v instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode(list.size());
            for (Object o : list) {
                JsonNode n = value(o);
                out.add(n == null ? NODES.nullNode() : n);
            }
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((k, o) -> {
                JsonNode n = value(o);
                out.set(String.valueOf(k), n == null ? NODES.nullNode() : n);
            });
            return out;
        }
        if (v instanceof Document d) {
            return document(d);
        }
        throw new IllegalArgumentException("no CLI JSON for a member of type " + v.getClass().getName());
    }

    private static JsonNode document(Document d) {
        if (d.isNull()) {
            return NODES.nullNode();
        }
        if (d.isString()) {
            return NODES.textNode(d.asString());
        }
        if (d.isBoolean()) {
            return NODES.booleanNode(d.asBoolean());
        }
        if (d.isNumber()) {
            return NODES.numberNode(d.asNumber().bigDecimalValue());
        }
        if (d.isList()) {
            ArrayNode out = NODES.arrayNode();
            d.asList().forEach(e -> out.add(document(e)));
            return out;
        }
        ObjectNode out = NODES.objectNode();
        d.asMap().forEach((k, e) -> out.set(k, document(e)));
        return out;
    }
}
