package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.source.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * One comparable form for what the SDK parsed and what the export file says: member names as keys, every scalar
 * as text (numbers without trailing zeros, timestamps as ISO instants), members the model lacks dropped. Both
 * sides are walked with the SDK model's fields, so a difference is a wire-format bug.
 */
final class SdkJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper();

    private SdkJson() {}

    /** What the SDK parsed. */
    static JsonNode ofSdk(SdkPojo pojo) {
        ObjectNode out = F.objectNode();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            JsonNode n = sdkValue(f, v);
            if (n != null) {
                out.set(f.memberName(), n);
            }
        }
        return out;
    }

    private static JsonNode sdkValue(SdkField<?> f, Object v) {
        if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
            return null;
        }
        if (v instanceof List<?> list) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode a = F.arrayNode();
            list.forEach(i -> a.add(sdkValue(member, i)));
            return a;
        }
        if (v instanceof Map<?, ?> map) {
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode o = F.objectNode();
            map.forEach((k, i) -> o.set(String.valueOf(k), sdkValue(value, i)));
            return o;
        }
        if (v instanceof SdkPojo p) {
            return ofSdk(p);
        }
        if (v instanceof Number n) {
            return F.textNode(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
        }
        return F.textNode(v.toString());
    }

    /** The export's JSON, seen through the model of {@code modelClass}. */
    static JsonNode ofExport(Class<?> modelClass, JsonNode json) {
        return exportStruct(ShapeWriter.fields(modelClass), json);
    }

    private static JsonNode exportStruct(List<SdkField<?>> fields, JsonNode json) {
        ObjectNode out = F.objectNode();
        for (SdkField<?> f : fields) {
            JsonNode v = json.get(f.memberName());
            if (v != null && !v.isNull()) {
                out.set(f.memberName(), exportValue(f, v));
            }
        }
        return out;
    }

    private static JsonNode exportValue(SdkField<?> f, JsonNode v) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode a = F.arrayNode();
            v.forEach(i -> a.add(exportValue(member, i)));
            return a;
        }
        if (t == MarshallingType.MAP) {
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode o = F.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), exportValue(value, e.getValue()));
            }
            return o;
        }
        if (t == MarshallingType.SDK_POJO) {
            return exportStruct(f.constructor().get().sdkFields(), v);
        }
        if (t == MarshallingType.INSTANT) {
            Instant i = v.isNumber() ? Timestamps.ofEpochSeconds(v.decimalValue()) : Timestamps.parse(v.asText());
            return F.textNode(String.valueOf(i));
        }
        if (v.isNumber()) {
            return F.textNode(v.decimalValue().stripTrailingZeros().toPlainString());
        }
        return F.textNode(v.asText());
    }
}
