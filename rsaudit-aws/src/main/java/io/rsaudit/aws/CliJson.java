package io.rsaudit.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.AwsCliFormat;
import java.io.IOException;
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
 * table is walked, so no shape is mapped by hand. Written straight to a generator, without a tree in between (the
 * tree was a fifth of the export's cost in a warm collection's profile).
 */
final class CliJson {

    private CliJson() {}

    /**
     * The pages of a call as the CLI prints them when it follows the pages itself: the list member of every page
     * joined in order, the other members as the first page has them, the call's {@link AwsCliCall#truncated()}
     * member as the last page has it (false), and no page token (the list is whole). A call without a list member has
     * one page, written as it is.
     */
    static void write(JsonGenerator g, AwsCliCall call, List<? extends SdkPojo> pages) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a call answers with at least one page");
        }
        String list = call.listMember();
        SdkPojo first = pages.get(0);
        boolean listWritten = false;
        g.writeStartObject();
        for (SdkField<?> field : first.sdkFields()) {
            String name = field.memberName();
            Object v = field.getValueOrDefault(first);
            if (list != null && name.equals(list)) {
                if (absent(v)) {
                    continue; // the joined list then comes last, where adding a member to a document puts it
                }
                writeList(g, list, pages);
                listWritten = true;
            } else if (name.equals(call.truncated())) {
                Object last = field.getValueOrDefault(pages.get(pages.size() - 1));
                if (!absent(last)) {
                    g.writeFieldName(name);
                    value(g, last);
                }
            } else if (!absent(v) && (list == null || !name.equals(call.pageToken()))) {
                g.writeFieldName(name);
                value(g, v);
            }
        }
        if (list != null && !listWritten) {
            writeList(g, list, pages);
        }
        g.writeEndObject();
    }

    /** The list member of every page, joined into one array (empty when no page has it). */
    private static void writeList(JsonGenerator g, String member, List<? extends SdkPojo> pages) throws IOException {
        g.writeFieldName(member);
        g.writeStartArray();
        for (SdkPojo page : pages) {
            for (SdkField<?> field : page.sdkFields()) {
                if (field.memberName().equals(member)) {
                    Object items = field.getValueOrDefault(page);
                    if (!absent(items)) {
                        for (Object item : (List<?>) items) {
                            element(g, item);
                        }
                    }
                }
            }
        }
        g.writeEndArray();
    }

    /** Whether the member was absent from the response: the CLI prints nothing for it. */
    private static boolean absent(Object v) {
        return v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>;
    }

    /** An element of a list or a map, where an absent value is a JSON null. */
    private static void element(JsonGenerator g, Object v) throws IOException {
        if (absent(v)) {
            g.writeNull();
        } else {
            value(g, v);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Short s) {
            g.writeNumber(s);
        } else if (v instanceof Float f) {
            g.writeNumber(f.doubleValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Instant t) {
            g.writeString(AwsCliFormat.timestamp(t));
        } else if (v instanceof SdkBytes b) {
            g.writeString(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        } else if (v instanceof SdkPojo p) {
            g.writeStartObject();
            for (SdkField<?> field : p.sdkFields()) {
                Object m = field.getValueOrDefault(p);
                if (!absent(m)) {
                    g.writeFieldName(field.memberName());
                    value(g, m);
                }
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                element(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                element(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Document d) {
            document(g, d);
        } else {
            throw new IllegalArgumentException(
                    "no CLI JSON for a member of type " + v.getClass().getName());
        }
    }

    private static void document(JsonGenerator g, Document d) throws IOException {
        if (d.isNull()) {
            g.writeNull();
        } else if (d.isString()) {
            g.writeString(d.asString());
        } else if (d.isBoolean()) {
            g.writeBoolean(d.asBoolean());
        } else if (d.isNumber()) {
            g.writeNumber(d.asNumber().bigDecimalValue());
        } else if (d.isList()) {
            g.writeStartArray();
            for (Document e : d.asList()) {
                document(g, e);
            }
            g.writeEndArray();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Document> e : d.asMap().entrySet()) {
                g.writeFieldName(e.getKey());
                document(g, e.getValue());
            }
            g.writeEndObject();
        }
    }
}
