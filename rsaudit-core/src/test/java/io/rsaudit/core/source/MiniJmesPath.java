package io.rsaudit.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Just enough JMESPath for the fake AWS CLI to answer the collector's {@code --query} calls the way the real CLI
 * would: identifiers, sub-expressions, index, flatten projections ({@code a[].b}), filter projections with
 * {@code ==}, {@code !=}, {@code ||}, {@code &&}, {@code !} and raw string literals, and multi-select lists
 * ({@code a.[b,c]}). Parsed as the reference implementation (jmespath.py) parses, with its binding powers, so
 * projections stop and nest the same way. Also the CLI's text output format ({@code awscli/text.py}) for the
 * values such queries return. Anything else is an {@link IllegalArgumentException}: a query the collector
 * starts using that this subset does not know fails the test instead of being answered wrongly.
 */
final class MiniJmesPath {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MiniJmesPath() {
    }

    static JsonNode search(String expression, JsonNode data) {
        Parser p = new Parser(tokenize(expression));
        Function<JsonNode, JsonNode> e = p.expression(0);
        p.expect("eof");
        return e.apply(data == null ? NullNode.getInstance() : data);
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

    private record Token(String type, String value) {
    }

    private static final Map<String, Integer> BP = Map.ofEntries(
            Map.entry("eof", 0), Map.entry("identifier", 0), Map.entry("literal", 0), Map.entry("rbracket", 0),
            Map.entry("rparen", 0), Map.entry("comma", 0), Map.entry("number", 0), Map.entry("current", 0),
            Map.entry("or", 2), Map.entry("and", 3), Map.entry("eq", 5), Map.entry("ne", 5),
            Map.entry("flatten", 9), Map.entry("filter", 21), Map.entry("dot", 40), Map.entry("not", 45),
            Map.entry("lbracket", 55), Map.entry("lparen", 60));

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token("identifier", s.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                out.add(new Token("number", s.substring(i, j)));
                i = j;
            } else if (c == '\'') {
                int j = s.indexOf('\'', i + 1);
                if (j < 0) {
                    throw new IllegalArgumentException("unterminated raw string in " + s);
                }
                out.add(new Token("literal", s.substring(i + 1, j)));
                i = j + 1;
            } else if (s.startsWith("[]", i)) {
                out.add(new Token("flatten", "[]"));
                i += 2;
            } else if (s.startsWith("[?", i)) {
                out.add(new Token("filter", "[?"));
                i += 2;
            } else if (s.startsWith("==", i)) {
                out.add(new Token("eq", "=="));
                i += 2;
            } else if (s.startsWith("!=", i)) {
                out.add(new Token("ne", "!="));
                i += 2;
            } else if (s.startsWith("||", i)) {
                out.add(new Token("or", "||"));
                i += 2;
            } else if (s.startsWith("&&", i)) {
                out.add(new Token("and", "&&"));
                i += 2;
            } else {
                String type = switch (c) {
                    case '.' -> "dot";
                    case '[' -> "lbracket";
                    case ']' -> "rbracket";
                    case ',' -> "comma";
                    case '!' -> "not";
                    case '@' -> "current";
                    case '(' -> "lparen";
                    case ')' -> "rparen";
                    default -> throw new IllegalArgumentException("unsupported character '" + c + "' in " + s);
                };
                out.add(new Token(type, String.valueOf(c)));
                i++;
            }
        }
        out.add(new Token("eof", ""));
        return out;
    }

    // --- parser (a Pratt parser shaped after jmespath.py) ----------------------------------------------------

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        private String current() {
            return tokens.get(pos).type();
        }

        private Token advance() {
            return tokens.get(pos++);
        }

        void expect(String type) {
            if (!current().equals(type)) {
                throw new IllegalArgumentException("expected " + type + ", found " + current());
            }
            pos++;
        }

        private int bp(String type) {
            Integer p = BP.get(type);
            if (p == null) {
                throw new IllegalArgumentException("unsupported token " + type);
            }
            return p;
        }

        Function<JsonNode, JsonNode> expression(int bindingPower) {
            Token t = advance();
            Function<JsonNode, JsonNode> left = nud(t);
            while (bindingPower < bp(current())) {
                left = led(advance(), left);
            }
            return left;
        }

        private Function<JsonNode, JsonNode> nud(Token t) {
            switch (t.type()) {
                case "identifier":
                    return field(t.value());
                case "literal":
                    return x -> F.textNode(t.value());
                case "current":
                    return x -> x;
                case "not": {
                    Function<JsonNode, JsonNode> e = expression(bp("not"));
                    return x -> F.booleanNode(!truthy(e.apply(x)));
                }
                case "lparen": {
                    Function<JsonNode, JsonNode> e = expression(0);
                    expect("rparen");
                    return e;
                }
                case "flatten": {
                    Function<JsonNode, JsonNode> rhs = projectionRhs(bp("flatten"));
                    return project(flatten(x -> x), rhs);
                }
                case "filter":
                    return filter(x -> x);
                case "lbracket":
                    if (current().equals("number")) {
                        int index = Integer.parseInt(advance().value());
                        expect("rbracket");
                        return x -> index(x, index);
                    }
                    return multiSelectList();
                default:
                    throw new IllegalArgumentException("unexpected token " + t.type());
            }
        }

        private Function<JsonNode, JsonNode> led(Token t, Function<JsonNode, JsonNode> left) {
            switch (t.type()) {
                case "dot": {
                    Function<JsonNode, JsonNode> right = dotRhs(bp("dot"));
                    return x -> right.apply(left.apply(x));
                }
                case "flatten": {
                    Function<JsonNode, JsonNode> rhs = projectionRhs(bp("flatten"));
                    return project(flatten(left), rhs);
                }
                case "filter":
                    return filter(left);
                case "lbracket": {
                    if (!current().equals("number")) {
                        throw new IllegalArgumentException("only [number] indexes are supported");
                    }
                    int index = Integer.parseInt(advance().value());
                    expect("rbracket");
                    return x -> index(left.apply(x), index);
                }
                case "or": {
                    Function<JsonNode, JsonNode> right = expression(bp("or"));
                    return x -> {
                        JsonNode l = left.apply(x);
                        return truthy(l) ? l : right.apply(x);
                    };
                }
                case "and": {
                    Function<JsonNode, JsonNode> right = expression(bp("and"));
                    return x -> {
                        JsonNode l = left.apply(x);
                        return truthy(l) ? right.apply(x) : l;
                    };
                }
                case "eq":
                case "ne": {
                    Function<JsonNode, JsonNode> right = expression(bp(t.type()));
                    boolean eq = t.type().equals("eq");
                    return x -> F.booleanNode(left.apply(x).equals(right.apply(x)) == eq);
                }
                default:
                    throw new IllegalArgumentException("unexpected token " + t.type());
            }
        }

        private Function<JsonNode, JsonNode> filter(Function<JsonNode, JsonNode> left) {
            Function<JsonNode, JsonNode> condition = expression(0);
            expect("rbracket");
            Function<JsonNode, JsonNode> right = current().equals("flatten") ? x -> x : projectionRhs(bp("filter"));
            return x -> {
                JsonNode base = left.apply(x);
                if (!base.isArray()) {
                    return NullNode.getInstance();
                }
                ArrayNode out = F.arrayNode();
                for (JsonNode e : base) {
                    if (truthy(condition.apply(e))) {
                        JsonNode r = right.apply(e);
                        if (!r.isNull()) {
                            out.add(r);
                        }
                    }
                }
                return out;
            };
        }

        private Function<JsonNode, JsonNode> projectionRhs(int bindingPower) {
            String c = current();
            if (bp(c) < 10) {
                return x -> x;
            }
            if (c.equals("lbracket") || c.equals("filter")) {
                return expression(bindingPower);
            }
            if (c.equals("dot")) {
                advance();
                return dotRhs(bindingPower);
            }
            throw new IllegalArgumentException("unexpected token after a projection: " + c);
        }

        private Function<JsonNode, JsonNode> dotRhs(int bindingPower) {
            if (current().equals("identifier")) {
                return expression(bindingPower);
            }
            if (current().equals("lbracket")) {
                advance();
                return multiSelectList();
            }
            throw new IllegalArgumentException("unexpected token after '.': " + current());
        }

        private Function<JsonNode, JsonNode> multiSelectList() {
            List<Function<JsonNode, JsonNode>> items = new ArrayList<>();
            while (true) {
                items.add(expression(0));
                if (current().equals("rbracket")) {
                    advance();
                    break;
                }
                expect("comma");
            }
            return x -> {
                if (x.isNull()) {
                    return NullNode.getInstance();
                }
                ArrayNode out = F.arrayNode();
                items.forEach(i -> out.add(i.apply(x)));
                return out;
            };
        }
    }

    private static Function<JsonNode, JsonNode> field(String name) {
        return x -> x.isObject() && x.has(name) ? x.get(name) : NullNode.getInstance();
    }

    private static JsonNode index(JsonNode x, int i) {
        if (!x.isArray()) {
            return NullNode.getInstance();
        }
        int at = i < 0 ? x.size() + i : i;
        return at >= 0 && at < x.size() ? x.get(at) : NullNode.getInstance();
    }

    private static Function<JsonNode, JsonNode> flatten(Function<JsonNode, JsonNode> inner) {
        return x -> {
            JsonNode base = inner.apply(x);
            if (!base.isArray()) {
                return NullNode.getInstance();
            }
            ArrayNode out = F.arrayNode();
            for (JsonNode e : base) {
                if (e.isArray()) {
                    out.addAll((ArrayNode) e);
                } else {
                    out.add(e);
                }
            }
            return out;
        };
    }

    private static Function<JsonNode, JsonNode> project(Function<JsonNode, JsonNode> left,
            Function<JsonNode, JsonNode> right) {
        return x -> {
            JsonNode base = left.apply(x);
            if (!base.isArray()) {
                return NullNode.getInstance();
            }
            ArrayNode out = F.arrayNode();
            for (JsonNode e : base) {
                JsonNode r = right.apply(e);
                if (!r.isNull()) {
                    out.add(r);
                }
            }
            return out;
        };
    }

    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        if (v.isContainerNode()) {
            return !v.isEmpty();
        }
        return true;
    }
}
