package io.rsaudit.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KMS key's key policy ({@code get-key-policy}, the policy named {@code default}): the document as KMS returned
 * it and its statements, read element by element as IAM reads them. {@code Statement} may be one object or a list;
 * {@code Principal} {@code "*"} reads as {@code {"AWS": ["*"]}}; a single string where IAM allows a list reads as a
 * list of one.
 *
 * @param document the policy document's JSON text
 */
public record KeyPolicy(String document, List<Statement> statements) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public KeyPolicy {
        statements = List.copyOf(statements);
    }

    /**
     * One statement of the policy.
     *
     * @param label how a message names it: {@code statement "Sid"}, or {@code statement N} (counted from 1) without a
     *     {@code Sid}
     * @param effect {@code Allow} or {@code Deny}
     * @param principal the principals by kind ({@code AWS}, {@code Service}...); empty when the statement has a
     *     {@code NotPrincipal} instead
     * @param notPrincipal the principals a {@code NotPrincipal} excludes, by kind; empty when absent
     * @param actions the {@code Action} patterns, or the {@code NotAction} patterns when {@code notAction}
     * @param condition condition operator to condition key to values, as written (a number or boolean as its text)
     */
    public record Statement(
            String label,
            String effect,
            Map<String, List<String>> principal,
            Map<String, List<String>> notPrincipal,
            List<String> actions,
            boolean notAction,
            Map<String, Map<String, List<String>>> condition) {

        public Statement {
            principal = Collections.unmodifiableMap(new LinkedHashMap<>(principal));
            notPrincipal = Collections.unmodifiableMap(new LinkedHashMap<>(notPrincipal));
            actions = List.copyOf(actions);
            condition = Collections.unmodifiableMap(new LinkedHashMap<>(condition));
        }

        public boolean isAllow() {
            return effect.equals("Allow");
        }

        /**
         * Whether the statement's actions cover {@code action}: an {@code Action} pattern matches it, or no {@code
         * NotAction} pattern does (IAM matching: case-insensitive, {@code *} and {@code ?} wildcards).
         */
        public boolean covers(String action) {
            boolean listed = actions.stream().anyMatch(p -> IamPolicies.actionMatches(p, action));
            return notAction != listed;
        }
    }

    /**
     * The policy {@code document} holds; unknown ({@link Reason.Kind#UNREADABLE}, at the document's place) when the
     * text is not JSON or not a policy IAM would accept, naming what is wrong.
     */
    public static Value<KeyPolicy> of(Value<String> document) {
        if (!document.isPresent()) {
            return document.orUnknown("the key policy is absent from " + document.provenance())
                    .map(x -> null);
        }
        try {
            KeyPolicy policy = parse(document.value());
            return document.map(text -> policy);
        } catch (IllegalArgumentException e) {
            return Value.unknown(
                    document.provenance(),
                    Reason.Kind.UNREADABLE,
                    "the key policy at " + document.provenance() + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The policy {@code document} holds.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is not JSON or not a policy IAM would
     *     accept
     */
    public static KeyPolicy parse(String document) {
        String problem;
        try {
            JsonNode root = JSON.readTree(document);
            List<Statement> statements = new ArrayList<>();
            problem = root == null || !root.isObject() ? "it is not a JSON object" : read(root, statements);
            if (problem == null) {
                return new KeyPolicy(document, statements);
            }
        } catch (JsonProcessingException e) {
            problem = "it is not JSON (" + e.getOriginalMessage() + ")";
        }
        throw new IllegalArgumentException(problem);
    }

    /** Reads the statements of {@code root} into {@code out}; what is wrong, or {@code null}. */
    private static String read(JsonNode root, List<Statement> out) {
        JsonNode all = root.path("Statement");
        if (!all.isObject() && !all.isArray()) {
            return "it has no Statement object or list";
        }
        List<JsonNode> statements = new ArrayList<>();
        (all.isObject() ? List.of(all) : all).forEach(statements::add);
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String label = s.path("Sid").isTextual() && !s.path("Sid").asText().isEmpty()
                    ? "statement \"" + s.path("Sid").asText() + "\""
                    : "statement " + (i + 1);
            if (!s.isObject()) {
                return label + " is not an object";
            }
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                return label + " has Effect " + s.path("Effect") + ", neither Allow nor Deny";
            }
            if (s.has("Principal") == s.has("NotPrincipal")) {
                return label + " needs exactly one of Principal and NotPrincipal";
            }
            String principalMember = s.has("Principal") ? "Principal" : "NotPrincipal";
            Map<String, List<String>> principals = principals(s.path(principalMember));
            if (principals == null) {
                return label + " has a " + principalMember + " that is neither \"*\" nor an object of strings or lists"
                        + " of strings";
            }
            boolean notAction = s.has("NotAction");
            if (s.has("Action") == notAction) {
                return label + " needs exactly one of Action and NotAction";
            }
            List<String> actions = texts(s.path(notAction ? "NotAction" : "Action"));
            if (actions == null) {
                return label + " has an " + (notAction ? "NotAction" : "Action")
                        + " that is neither a string nor a list of strings";
            }
            Map<String, Map<String, List<String>>> condition = conditions(s.path("Condition"));
            if (condition == null) {
                return label + " has a Condition that is not an object of operators to objects of condition keys";
            }
            boolean not = principalMember.equals("NotPrincipal");
            out.add(new Statement(
                    label,
                    effect,
                    not ? Map.of() : principals,
                    not ? principals : Map.of(),
                    actions,
                    notAction,
                    condition));
        }
        return null;
    }

    /** {@code "*"}, or an object of principal kinds to a string or a list of strings; {@code null} otherwise. */
    private static Map<String, List<String>> principals(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node.isTextual() && node.asText().equals("*")) {
            out.put("AWS", List.of("*"));
            return out;
        }
        if (!node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> kind : node.properties()) {
            List<String> values = texts(kind.getValue());
            if (values == null) {
                return null;
            }
            out.put(kind.getKey(), values);
        }
        return out;
    }

    /**
     * Absent (empty), or an object of operators to objects of condition keys to a scalar or a list of scalars;
     * {@code null} otherwise.
     */
    private static Map<String, Map<String, List<String>>> conditions(JsonNode node) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> operator : node.properties()) {
            if (!operator.getValue().isObject()) {
                return null;
            }
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                List<String> values = scalars(key.getValue());
                if (values == null) {
                    return null;
                }
                keys.put(key.getKey(), values);
            }
            out.put(operator.getKey(), Collections.unmodifiableMap(keys));
        }
        return out;
    }

    /** A string or a list of strings; {@code null} for anything else. */
    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : node.isArray() ? node : List.of(node)) {
            if (!x.isTextual()) {
                return null;
            }
            out.add(x.asText());
        }
        return out;
    }

    /** A scalar or a list of scalars, as text; {@code null} for anything else. */
    private static List<String> scalars(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : node.isArray() ? node : List.of(node)) {
            if (!x.isValueNode() || x.isNull()) {
                return null;
            }
            out.add(x.asText());
        }
        return out;
    }
}
