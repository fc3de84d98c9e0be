package io.rsaudit.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects the problems of binding a policy file (unknown fields, values of the wrong type) instead of stopping at
 * the first, so that a user fixes them all in one round. Each problem names its line and its dotted path; the value
 * in question is skipped (an unknown field) or taken as absent (a wrong type), and binding goes on. One instance per
 * file read.
 */
final class BindingProblems extends DeserializationProblemHandler {

    private final List<String> problems = new ArrayList<>();
    private final Path file;
    private final Map<Class<?>, String> sections;

    /** For {@code file}, whose top-level record is {@code root}: its sections are named by walking the records. */
    BindingProblems(Path file, Class<? extends Record> root) {
        this.file = file;
        this.sections = new HashMap<>();
        name(root, "the top level");
    }

    /** The section each record type stands for: {@code backups}, {@code suppressions[]}, {@code hunt.levels}… */
    private void name(Class<?> type, String path) {
        if (!type.isRecord() || sections.putIfAbsent(type, path) != null) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String child = path.equals("the top level") ? c.getName() : path + "." + c.getName();
            if (c.getGenericType() instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
                if (list.getActualTypeArguments()[0] instanceof Class<?> element) {
                    name(element, child + "[]");
                }
            } else {
                name(c.getType(), child);
            }
        }
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer, Object bean, String name)
            throws IOException {
        // records bind through a buffer, which loses the parser's location and path: the key's line is searched
        // in the file, and the section is named by the record type being bound
        Collection<Object> known = deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
        Class<?> type = deserializer == null ? null : deserializer.handledType();
        String section = sections.getOrDefault(type, "the top level");
        problems.add(PolicyLoader.lineOf(file, name, "") + "unknown field '" + name + "' in " + section
                + " (known fields: "
                + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                + ")");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext ctxt, JavaType target, JsonToken token, JsonParser p, String failureMsg)
            throws IOException {
        wrongType(p, target.getRawClass(), describe(token));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> target, String value, String failureMsg) {
        wrongType(ctxt.getParser(), target, "the text '" + value + "'");
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> target, Number value, String failureMsg) {
        wrongType(ctxt.getParser(), target, "the number " + value);
        return null;
    }

    private void wrongType(JsonParser p, Class<?> target, String found) {
        String where = path(p.getParsingContext().pathAsPointer());
        problems.add(at(p) + "wrong type at " + (where.isEmpty() ? "the top level" : where) + ": expected "
                + expected(target) + ", found " + found);
    }

    private static String expected(Class<?> target) {
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a map of fields";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a map";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            default -> String.valueOf(token);
        };
    }

    /** {@code /suppressions/0/reason} as {@code suppressions[0].reason}. */
    private static String path(JsonPointer pointer) {
        StringBuilder b = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                b.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(p.getMatchingProperty());
            }
        }
        return b.toString();
    }

    private static String at(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return l == null || l.getLineNr() < 0 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }
}
