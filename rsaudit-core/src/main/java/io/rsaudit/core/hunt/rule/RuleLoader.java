package io.rsaudit.core.hunt.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.rule.Correlation.Aggregation;
import io.rsaudit.core.hunt.rule.Correlation.Novelty;
import io.rsaudit.core.hunt.rule.Correlation.Sequence;
import io.rsaudit.core.hunt.rule.Correlation.Step;
import io.rsaudit.core.hunt.rule.Correlation.Transition;
import io.rsaudit.core.model.Cidr;
import io.rsaudit.core.model.Durations;
import io.rsaudit.core.model.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one rule file and validates all of it, collecting every problem with its line and field rather than
 * stopping at the first; a rule with any problem is not returned. See {@code docs/rules.md} for the format.
 */
public final class RuleLoader {

    static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_@\\-]*(\\.([A-Za-z0-9_@\\-]+|\\*))*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t\\d{4}(\\.\\d{3})?");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_\\-]+(\\.[a-z0-9_\\-]+)+");
    private static final Set<String> TACTICS = Set.of(
            "reconnaissance",
            "resource_development",
            "initial_access",
            "execution",
            "persistence",
            "privilege_escalation",
            "defense_evasion",
            "credential_access",
            "discovery",
            "lateral_movement",
            "collection",
            "command_and_control",
            "exfiltration",
            "impact");
    private static final Set<String> TOP = new LinkedHashSet<>(List.of(
            "id",
            "title",
            "level",
            "description",
            "tags",
            "references",
            "falsepositives",
            "logsource",
            "extract",
            "detection",
            "aggregation",
            "sequence",
            "transition",
            "novelty",
            "absorbs",
            "fields",
            "status",
            "author",
            "date",
            "modified"));
    private static final List<String> CORRELATIONS = List.of("aggregation", "sequence", "transition", "novelty");

    /** One file's outcome: the rule, or the problems that kept it out. */
    public record Loaded(Optional<Rule> rule, List<RuleProblem> problems) {}

    private RuleLoader() {}

    public static Loaded load(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        YamlTree tree;
        try {
            tree = YamlTree.parse(text, duplicates);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int line = 0;
            if (m.startsWith("line ")) {
                line = Integer.parseInt(m.substring(5, m.indexOf(':')));
                m = m.substring(m.indexOf(':') + 2);
            }
            return new Loaded(Optional.empty(), List.of(new RuleProblem(file, line, "", m)));
        }
        Reader r = new Reader(file, tree, problems);
        for (String d : duplicates) {
            r.problem(d, "given twice");
        }
        Rule rule = r.rule();
        return new Loaded(problems.isEmpty() ? Optional.ofNullable(rule) : Optional.empty(), List.copyOf(problems));
    }

    /** The validation of one file; every method notes problems and carries on with what it could read. */
    private static final class Reader {
        private final String file;
        private final YamlTree tree;
        private final List<RuleProblem> problems;
        /** The rule's log types and extracted names, once read: fields are checked against them. */
        private Set<LogType> types = Set.of();

        private Set<String> extractNames = Set.of();

        Reader(String file, YamlTree tree, List<RuleProblem> problems) {
            this.file = file;
            this.tree = tree;
            this.problems = problems;
        }

        void problem(String path, String message) {
            problems.add(new RuleProblem(file, tree.line(path), path, message));
        }

        Rule rule() {
            JsonNode root = tree.root;
            if (!root.isObject()) {
                problem("", "a rule file is a YAML map with id, title, level, logsource and detection");
                return null;
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!TOP.contains(k)) {
                    problem(k, "unknown field (known fields: " + String.join(", ", TOP) + ")");
                }
            }
            String id = text(root, "id", true);
            if (id != null && !ID.matcher(id).matches()) {
                problem("id", "'" + id + "' is not an id like RSH-AUTH-001 (capitals, digits, hyphens)");
            }
            String title = text(root, "title", true);
            Severity level = null;
            String levelText = text(root, "level", true);
            if (levelText != null) {
                try {
                    level = Severity.parse(levelText);
                } catch (IllegalArgumentException e) {
                    problem("level", e.getMessage());
                }
            }
            String description = text(root, "description", true);
            List<String> tags = strings(root, "tags");
            for (int i = 0; i < tags.size(); i++) {
                tag(tags.get(i), "tags[" + i + "]");
            }
            List<String> references = strings(root, "references");
            List<String> falsePositives = strings(root, "falsepositives");
            Set<LogType> types = logTypes(root.get("logsource"));
            this.types = types;
            JsonNode extractNode = root.get("extract");
            if (extractNode != null && extractNode.isObject()) {
                Set<String> names = new LinkedHashSet<>();
                extractNode.fieldNames().forEachRemaining(names::add);
                this.extractNames = names;
            }
            Map<String, Extract> extracts = extracts(extractNode);
            Map<String, Selection> selections = new LinkedHashMap<>();
            JsonNode detection = root.get("detection");
            String conditionText = null;
            if (detection == null || !detection.isObject()) {
                problem("detection", "required: named selections and a condition");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = detection.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals("condition")) {
                        conditionText = e.getValue().isTextual() ? e.getValue().asText() : null;
                        if (conditionText == null) {
                            problem("detection.condition", "must be text like 'selection and not filter'");
                        }
                        continue;
                    }
                    Selection s = selection(e.getKey(), e.getValue());
                    if (s != null) {
                        selections.put(e.getKey(), s);
                    }
                }
                if (selections.isEmpty()) {
                    problem("detection", "needs at least one selection");
                }
            }
            List<String> present = CORRELATIONS.stream().filter(root::has).toList();
            if (present.size() > 1) {
                problem(
                        present.get(1),
                        "a rule has at most one of " + String.join(", ", CORRELATIONS) + "; this one also has "
                                + present.get(0));
            }
            Correlation correlation = null;
            Condition condition = null;
            if (present.contains("sequence")) {
                if (conditionText != null) {
                    problem("detection.condition", "a sequence rule has no condition: each step has its own");
                }
                correlation = sequence(root.get("sequence"), selections.keySet());
            } else {
                if (conditionText == null && detection != null && detection.isObject() && !detection.has("condition")) {
                    problem("detection.condition", "required: an expression over the selection names");
                }
                condition = condition(conditionText, "detection.condition", selections.keySet());
                if (!present.isEmpty()) {
                    String c = present.get(0);
                    correlation = switch (c) {
                        case "aggregation" -> aggregation(root.get(c));
                        case "transition" -> transition(root.get(c));
                        default -> novelty(root.get(c));
                    };
                }
            }
            Rule.Absorption absorbs = absorbs(root.get("absorbs"), id, correlation);
            List<String> fields = strings(root, "fields");
            for (int i = 0; i < fields.size(); i++) {
                field(fields.get(i), "fields[" + i + "]");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            return new Rule(
                    id,
                    title,
                    level,
                    description.strip(),
                    tags,
                    references,
                    falsePositives,
                    types,
                    extracts,
                    selections,
                    condition,
                    correlation,
                    absorbs,
                    fields,
                    file);
        }

        /** {@code absorbs: {rule, within}}: only for a rule whose correlation has a key to compare. */
        private Rule.Absorption absorbs(JsonNode node, String id, Correlation correlation) {
            if (node == null) {
                return null;
            }
            if (!map(node, "absorbs", Set.of("rule", "within"))) {
                return null;
            }
            String other = text(node, "rule", "absorbs.rule", true);
            if (other != null && !ID.matcher(other).matches()) {
                problem("absorbs.rule", "'" + other + "' is not an id like RSH-PRIV-001");
            } else if (other != null && other.equals(id)) {
                problem("absorbs.rule", "a rule cannot absorb itself");
            }
            Duration within = duration(node, "within", "absorbs.within");
            if (correlation == null || correlation.by().isEmpty()) {
                problem(
                        "absorbs",
                        "needs an aggregation, sequence, transition or novelty with 'by' fields: the key its alerts"
                                + " and the absorbed rule's are matched by");
            }
            return other == null ? null : new Rule.Absorption(other, within);
        }

        private void tag(String tag, String path) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                problem(path, "'" + tag + "' is not a tag like attack.t1110.001 or attack.credential_access");
            } else if (tag.startsWith("attack.")
                    && !TECHNIQUE.matcher(tag).matches()
                    && !TACTICS.contains(tag.substring(7))
                    && !tag.matches("attack\\.[gs]\\d{4}")) {
                problem(
                        path,
                        "'" + tag + "' is neither an ATT&CK technique (attack.t1110 or attack.t1110.001) nor"
                                + " a tactic (" + String.join(", ", new java.util.TreeSet<>(TACTICS)) + ")");
            }
        }

        private Set<LogType> logTypes(JsonNode logsource) {
            Set<LogType> types = new LinkedHashSet<>();
            if (logsource == null || !logsource.isObject() || !logsource.has("type")) {
                problem(
                        "logsource",
                        "required: type: connectionlog, userlog, useractivitylog or cloudtrail"
                                + " (or a list of them)");
                return types;
            }
            for (Iterator<String> it = logsource.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("type")) {
                    problem("logsource." + k, "unknown field (known fields: type)");
                }
            }
            List<String> names = strings(logsource, "type", "logsource.type");
            for (int i = 0; i < names.size(); i++) {
                try {
                    types.add(LogType.fromFileName(names.get(i)));
                } catch (IllegalArgumentException e) {
                    problem(names.size() == 1 ? "logsource.type" : "logsource.type[" + i + "]", e.getMessage());
                }
            }
            return types;
        }

        private Map<String, Extract> extracts(JsonNode node) {
            Map<String, Extract> out = new LinkedHashMap<>();
            if (node == null) {
                return out;
            }
            if (!node.isObject()) {
                problem("extract", "must map names to {from: FIELD, re: PATTERN}");
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "extract." + e.getKey();
                if (!NAME.matcher(e.getKey()).matches()) {
                    problem(path, "'" + e.getKey() + "' is not a name (letters, digits, _ and -)");
                }
                JsonNode v = e.getValue();
                if (!v.isObject()) {
                    problem(path, "must be {from: FIELD or [FIELD, ...], re: PATTERN}");
                    continue;
                }
                map(v, path, Set.of("from", "re"));
                List<String> from = strings(v, "from", path + ".from");
                if (!v.has("from")) {
                    problem(
                            path + ".from",
                            "required: the field (or fields, the first present is read) to extract from");
                }
                for (int i = 0; i < from.size(); i++) {
                    field(from.get(i), from.size() == 1 ? path + ".from" : path + ".from[" + i + "]");
                }
                String re = text(v, "re", path + ".re", true);
                Pattern p = regex(re, path + ".re");
                if (p != null && p.groupCount() < 1) {
                    problem(path + ".re", "needs a capture group: the extracted value is the first group");
                    p = null;
                }
                if (!from.isEmpty() && p != null) {
                    out.put(e.getKey(), new Extract(e.getKey(), from, p));
                }
            }
            return out;
        }

        private Selection selection(String name, JsonNode node) {
            String path = "detection." + name;
            if (!NAME.matcher(name).matches()
                    || List.of("and", "or", "not", "of", "them", "all")
                            .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                problem(path, "'" + name + "' cannot name a selection (letters, digits, _ and -; not a keyword)");
            }
            List<List<FieldTest>> alternatives = new ArrayList<>();
            if (node.isObject()) {
                alternatives.add(tests(node, path));
            } else if (node.isArray() && node.size() > 0) {
                for (int i = 0; i < node.size(); i++) {
                    if (!node.get(i).isObject()) {
                        problem(path + "[" + i + "]", "must be a map of field tests");
                    } else {
                        alternatives.add(tests(node.get(i), path + "[" + i + "]"));
                    }
                }
            } else {
                problem(path, "must be a map of field tests, or a list of such maps (one of which must hold)");
            }
            return new Selection(name, alternatives);
        }

        private List<FieldTest> tests(JsonNode map, String path) {
            List<FieldTest> tests = new ArrayList<>();
            if (map.isEmpty()) {
                problem(path, "an empty selection would match every event");
            }
            List<Integer> wildcards = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                FieldTest t = test(e.getKey(), e.getValue(), path + "." + e.getKey());
                if (t != null) {
                    tests.add(t);
                    long stars = t.field().chars().filter(c -> c == '*').count();
                    if (stars > 0) {
                        wildcards.add((int) stars);
                    }
                }
            }
            if (wildcards.stream().distinct().count() > 1) {
                problem(
                        path,
                        "the wildcard fields of one selection must have the same number of '*':"
                                + " they are matched against the same list element");
            }
            return tests;
        }

        private FieldTest test(String key, JsonNode value, String path) {
            String[] parts = key.split("\\|", -1);
            String field = parts[0];
            field(field, path);
            Modifier modifier = Modifier.EQUALS;
            boolean all = false;
            int before = problems.size();
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].equals("all")) {
                    all = true;
                    continue;
                }
                Modifier m = Modifier.parse(parts[i]);
                if (m == null) {
                    problem(
                            path,
                            "unknown modifier '" + parts[i] + "' (known: all, "
                                    + String.join(
                                            ", ",
                                            java.util.Arrays.stream(Modifier.values())
                                                    .map(Modifier::label)
                                                    .toList())
                                    + ")");
                } else if (modifier != Modifier.EQUALS) {
                    problem(
                            path,
                            "one comparison per field test; '" + modifier.label() + "' and '" + m.label()
                                    + "' are both given");
                } else {
                    modifier = m;
                }
            }
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                if (value.isEmpty()) {
                    problem(path, "an empty list matches nothing; name the values, or a ${policy...} list");
                }
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isContainerNode()) {
                        problem(path + "[" + i + "]", "must be a plain value");
                    }
                    values.add(value.get(i).isNull() ? null : value.get(i).asText());
                }
            } else if (value.isContainerNode()) {
                problem(path, "must be a value or a list of values");
            } else {
                values.add(value.isNull() ? null : value.asText());
            }
            for (int i = 0; i < values.size(); i++) {
                value(modifier, values.get(i), value.isArray() ? path + "[" + i + "]" : path);
            }
            if (all && modifier.judgesAccounts()) {
                problem(
                        path,
                        "'all' has no meaning for " + modifier.label()
                                + ": it judges the value against all the accounts");
            }
            return problems.size() > before ? null : new FieldTest(field, modifier, all, values);
        }

        /** A value must make sense for its comparison now, not fail on the first event. */
        private void value(Modifier m, String v, String path) {
            String ref = PolicyRefs.refName(v);
            if (ref != null) {
                if (!PolicyRefs.known(ref)) {
                    problem(path, "'${" + ref + "}' names no policy list (known: " + PolicyRefs.names() + ")");
                }
                return;
            }
            if (v != null && v.contains("${")) {
                problem(path, "a policy reference must be the whole value, like ${policy.hunt.allowedCidrs}");
                return;
            }
            if (v == null && m != Modifier.EQUALS) {
                problem(path, "null is only for equality (absent or blank); '" + m.label() + "' needs a value");
                return;
            }
            switch (m) {
                case RE -> regex(v, path);
                case CIDR -> {
                    try {
                        Cidr.parse(v);
                    } catch (IllegalArgumentException e) {
                        problem(path, e.getMessage());
                    }
                }
                case GT, GTE, LT, LTE -> {
                    try {
                        new BigDecimal(v.trim());
                    } catch (NumberFormatException e) {
                        problem(path, "'" + v + "' is not a number");
                    }
                }
                case EXISTS -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        problem(path, "exists takes true or false, not '" + v + "'");
                    }
                }
                case FIELDREF, RESIDENCY -> field(v, path);
                case RESTOREOUTSIDE, ACCOUNTOUTSIDE -> {
                    if (!v.matches("\\d{12}")) {
                        problem(
                                path,
                                m.label() + " takes account ids (12 digits) or ${policy.trustedAccounts}, not '" + v
                                        + "'");
                    }
                }
                case KEYUSEOUTSIDE -> {
                    if (!v.matches("\\d{12}|o-[a-z0-9]{10,32}")) {
                        problem(
                                path,
                                m.label() + " takes account ids (12 digits), organization ids (o-...),"
                                        + " ${policy.trustedAccounts} or ${policy.trustedOrganizations}, not '" + v
                                        + "'");
                    }
                }
                default -> {}
            }
        }

        private Condition condition(String text, String path, Set<String> selections) {
            if (text == null) {
                return null;
            }
            try {
                return ConditionParser.parse(text, selections);
            } catch (IllegalArgumentException e) {
                problem(path, e.getMessage());
                return null;
            }
        }

        private Aggregation aggregation(JsonNode node) {
            if (!map(node, "aggregation", Set.of("distinct", "by", "within", "atLeast"))) {
                return null;
            }
            String distinct = text(node, "distinct", "aggregation.distinct", false);
            field(distinct, "aggregation.distinct");
            return new Aggregation(
                    distinct,
                    by(node, "aggregation"),
                    duration(node, "within", "aggregation.within"),
                    count(node, "atLeast", "aggregation.atLeast"));
        }

        private Sequence sequence(JsonNode node, Set<String> selections) {
            if (!map(node, "sequence", Set.of("by", "within", "steps"))) {
                return null;
            }
            List<Step> steps = new ArrayList<>();
            JsonNode list = node.get("steps");
            if (list == null || !list.isArray() || list.size() < 2) {
                problem(
                        "sequence.steps",
                        "required: a list of two or more steps, each {condition: EXPR, atLeast: N,"
                                + " inARow: true|false}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String path = "sequence.steps[" + i + "]";
                    JsonNode s = list.get(i);
                    if (!map(s, path, Set.of("condition", "atLeast", "inARow"))) {
                        continue;
                    }
                    Condition c =
                            condition(text(s, "condition", path + ".condition", true), path + ".condition", selections);
                    int n = s.has("atLeast") ? count(s, "atLeast", path + ".atLeast") : 1;
                    boolean inARow = s.has("inARow") && flag(s, "inARow", path + ".inARow");
                    if (inARow && i == list.size() - 1) {
                        problem(path + ".inARow", "the last step has no next step to be in a row before");
                    }
                    steps.add(new Step(c, n, inARow));
                }
            }
            return new Sequence(steps, by(node, "sequence"), duration(node, "within", "sequence.within"));
        }

        private Transition transition(JsonNode node) {
            if (!map(node, "transition", Set.of("field", "from", "to", "by"))) {
                return null;
            }
            String field = text(node, "field", "transition.field", true);
            field(field, "transition.field");
            return new Transition(
                    field,
                    text(node, "from", "transition.from", true),
                    text(node, "to", "transition.to", true),
                    by(node, "transition"));
        }

        private Novelty novelty(JsonNode node) {
            if (!map(node, "novelty", Set.of("of", "by", "learning"))) {
                return null;
            }
            List<String> of = strings(node, "of", "novelty.of");
            if (of.isEmpty()) {
                problem("novelty.of", "required: the fields whose new values alert");
            }
            for (int i = 0; i < of.size(); i++) {
                field(of.get(i), "novelty.of[" + i + "]");
            }
            return new Novelty(of, by(node, "novelty"), duration(node, "learning", "novelty.learning"));
        }

        private boolean map(JsonNode node, String path, Set<String> known) {
            if (node == null || !node.isObject()) {
                problem(path, "must be a map with " + String.join(", ", new java.util.TreeSet<>(known)));
                return false;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    problem(
                            path + "." + k,
                            "unknown field (known fields: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
            return true;
        }

        private List<String> by(JsonNode node, String path) {
            List<String> by = strings(node, "by", path + ".by");
            for (int i = 0; i < by.size(); i++) {
                field(by.get(i), path + ".by[" + i + "]");
            }
            return by;
        }

        private Duration duration(JsonNode node, String key, String path) {
            String v = text(node, key, path, true);
            if (v == null) {
                return Duration.ZERO;
            }
            try {
                return Durations.parse(v);
            } catch (IllegalArgumentException e) {
                problem(path, e.getMessage());
                return Duration.ZERO;
            }
        }

        private boolean flag(JsonNode node, String key, String path) {
            JsonNode v = node.get(key);
            if (!v.isBoolean()) {
                problem(path, "'" + v.asText() + "' is not true or false");
                return false;
            }
            return v.asBoolean();
        }

        private int count(JsonNode node, String key, String path) {
            JsonNode v = node.get(key);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
                problem(
                        path,
                        v == null
                                ? "required: a count of 1 or more"
                                : "'" + v.asText() + "' is not a count of 1 or more");
                return 1;
            }
            return v.asInt();
        }

        private void field(String name, String path) {
            if (name != null && !FIELD.matcher(name).matches()) {
                problem(
                        path,
                        "'" + name + "' is not a field name (like sourceAddress, requestParameters.port,"
                                + " or parameters.*.parameterName)");
                return;
            }
            if (name == null || types.isEmpty() || extractNames.contains(name)) {
                return;
            }
            for (LogType t : types) {
                if (t.knows(name)) {
                    return;
                }
            }
            problem(
                    path,
                    "unknown field '" + name + "': no event of this rule's log types has it (valid fields: "
                            + validFields() + ")");
        }

        /** The fields this rule may name, for the message about one it may not. */
        private String validFields() {
            Set<String> raw = new LinkedHashSet<>();
            boolean cloudTrail = false;
            for (LogType t : types) {
                if (t == LogType.CLOUDTRAIL) {
                    cloudTrail = true;
                } else {
                    raw.addAll(t.rawFields());
                }
            }
            List<String> parts = new ArrayList<>(LogType.COMMON_FIELDS);
            parts.addAll(raw);
            parts.addAll(extractNames);
            String text = String.join(", ", parts);
            if (cloudTrail) {
                text += "; for cloudtrail, dotted paths under " + String.join(", ", LogType.CLOUDTRAIL.rawFields());
            }
            return text;
        }

        private Pattern regex(String re, String path) {
            if (re == null) {
                return null;
            }
            try {
                return RuleRegex.compile(re);
            } catch (IllegalArgumentException e) {
                problem(
                        path,
                        "not a regular expression the linear-time engine (RE2) runs: " + e.getMessage()
                                + " (rule regexes use RE2 syntax, docs/rules.md)");
                return null;
            }
        }

        private String text(JsonNode node, String key, boolean required) {
            return text(node, key, key, required);
        }

        private String text(JsonNode node, String key, String path, boolean required) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(path, "required");
                }
                return null;
            }
            if (v.isContainerNode() || v.asText().isBlank()) {
                problem(path, "must be non-empty text");
                return null;
            }
            return v.asText();
        }

        private List<String> strings(JsonNode node, String key) {
            return strings(node, key, key);
        }

        /** A text or a list of texts. */
        private List<String> strings(JsonNode node, String key, String path) {
            JsonNode v = node.get(key);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isContainerNode() || v.get(i).isNull()) {
                        problem(path + "[" + i + "]", "must be text");
                    } else {
                        out.add(v.get(i).asText());
                    }
                }
            } else if (v.isContainerNode()) {
                problem(path, "must be text or a list of texts");
            } else {
                out.add(v.asText());
            }
            return out;
        }
    }
}
