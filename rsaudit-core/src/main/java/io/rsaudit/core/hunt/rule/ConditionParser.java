package io.rsaudit.core.hunt.rule;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.policy.Glob;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code a and not (b or c)}, {@code 1 of sel*}, {@code all of them}. Precedence: {@code not} binds tighter
 * than {@code and}, which binds tighter than {@code or}.
 */
final class ConditionParser {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9_*\\-]+)");

    private final List<String> tokens = new ArrayList<>();
    private final Collection<String> selections;
    private int pos;

    private ConditionParser(String text, Collection<String> selections) {
        this.selections = selections;
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group(1));
            at = m.end();
        }
        if (!text.substring(at).isBlank()) {
            throw new IllegalArgumentException(
                    "unexpected '" + text.substring(at).trim() + "'");
        }
    }

    /** @throws IllegalArgumentException naming what is wrong: an unknown selection, a missing parenthesis... */
    static Condition parse(String text, Collection<String> selections) {
        ConditionParser p = new ConditionParser(text, selections);
        if (p.tokens.isEmpty()) {
            throw new IllegalArgumentException("empty condition");
        }
        Condition c = p.or();
        if (p.pos < p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return c;
    }

    private Condition or() {
        List<Condition> ops = new ArrayList<>(List.of(and()));
        while (peek("or")) {
            pos++;
            ops.add(and());
        }
        return ops.size() == 1 ? ops.get(0) : new Condition.Or(ops);
    }

    private Condition and() {
        List<Condition> ops = new ArrayList<>(List.of(not()));
        while (peek("and")) {
            pos++;
            ops.add(not());
        }
        return ops.size() == 1 ? ops.get(0) : new Condition.And(ops);
    }

    private Condition not() {
        if (peek("not")) {
            pos++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        String t = next("a selection name, 'not', '(' or '1 of'");
        if (t.equals("(")) {
            Condition c = or();
            if (!")".equals(next("')'"))) {
                throw new IllegalArgumentException("missing ')'");
            }
            return c;
        }
        if ((t.equals("1") || t.equalsIgnoreCase("all")) && peek("of")) {
            pos++;
            String pattern = next("a selection pattern or 'them' after 'of'");
            List<Condition> refs = new ArrayList<>();
            // a selection pattern has only '*' (the tokens allow no '?'): the linear-time glob of suppressions
            Glob glob = Glob.of(pattern);
            for (String s : selections) {
                if (pattern.equalsIgnoreCase("them") || glob.matches(s)) {
                    refs.add(new Condition.Ref(s));
                }
            }
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("'" + pattern + "' matches no selection");
            }
            if (refs.size() == 1) {
                return refs.get(0);
            }
            return t.equals("1") ? new Condition.Or(refs) : new Condition.And(refs);
        }
        if (t.equals(")") || isKeyword(t)) {
            throw new IllegalArgumentException("unexpected '" + t + "'");
        }
        if (!selections.contains(t)) {
            throw new IllegalArgumentException(
                    "no selection is named '" + t + "' (selections: " + String.join(", ", selections) + ")");
        }
        return new Condition.Ref(t);
    }

    private static boolean isKeyword(String t) {
        String k = t.toLowerCase(Locale.ROOT);
        return k.equals("and") || k.equals("or") || k.equals("not") || k.equals("of");
    }

    private boolean peek(String keyword) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword);
    }

    private String next(String expected) {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("expected " + expected + " at the end");
        }
        return tokens.get(pos++);
    }
}
