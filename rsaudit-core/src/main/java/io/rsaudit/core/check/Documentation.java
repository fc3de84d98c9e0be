package io.rsaudit.core.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The long text of a check, read from {@code <ID>.md} beside its class:
 *
 * <pre>
 * # RS-XXX-000: Title
 * One paragraph: what the check verifies.
 * ## Risk
 * ## Remediation
 * ### AWS CLI        (one fenced block; {{name}}, {{region}}, {{account}}, {{arn}} are filled per finding)
 * ### Console
 * ### Terraform
 * ### CloudFormation (optional)
 * ## References      (a list of links)
 * </pre>
 */
public record Documentation(
        String heading,
        String summary,
        String risk,
        String cli,
        String console,
        String terraform,
        String cloudFormation,
        List<String> references) {

    static final List<String> REQUIRED =
            List.of("Risk", "Remediation/AWS CLI", "Remediation/Console", "Remediation/Terraform", "References");

    public Documentation {
        references = List.copyOf(references);
    }

    /** Reads and validates the document; the message of a failure names the file and what is wrong. */
    public static Documentation read(Class<?> owner, String id) {
        String file = id + ".md";
        try (InputStream in = owner.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(
                        owner.getName() + ": missing documentation " + file + " in package " + owner.getPackageName());
            }
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    static Documentation parse(String file, String text) {
        String heading = null;
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        String section = "";
        String parent = "";
        sections.put(section, current);
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith("# ") && heading == null) {
                heading = line.substring(2).trim();
                continue;
            }
            if (!fenced && line.startsWith("## ")) {
                parent = line.substring(3).trim();
                section = parent;
            } else if (!fenced && line.startsWith("### ")) {
                section = parent + "/" + line.substring(4).trim();
            } else {
                current.append(line).append('\n');
                continue;
            }
            current = new StringBuilder();
            if (sections.put(section, current) != null) {
                throw new IllegalStateException(file + ": section '" + section + "' appears twice");
            }
        }
        if (heading == null) {
            throw new IllegalStateException(file + ": no '# ID: title' heading");
        }
        for (String required : REQUIRED) {
            if (!sections.containsKey(required)
                    || sections.get(required).toString().isBlank()) {
                throw new IllegalStateException(file + ": missing or empty section '" + required + "'");
            }
        }
        String cli = fencedBlock(file, sections.get("Remediation/AWS CLI").toString());
        List<String> references = new ArrayList<>();
        for (String line : sections.get("References").toString().split("\n")) {
            if (line.startsWith("- ")) {
                references.add(line.substring(2).trim());
            }
        }
        if (references.isEmpty()) {
            throw new IllegalStateException(file + ": 'References' needs at least one '- link' line");
        }
        StringBuilder cfn = sections.get("Remediation/CloudFormation");
        return new Documentation(
                heading,
                sections.get("").toString().strip(),
                text(sections, "Risk"),
                cli,
                text(sections, "Remediation/Console"),
                fencedBlockOrText(sections.get("Remediation/Terraform")),
                cfn == null ? null : fencedBlockOrText(cfn),
                references);
    }

    private static String text(Map<String, StringBuilder> sections, String name) {
        return sections.get(name).toString().strip();
    }

    private static String fencedBlock(String file, String section) {
        int start = section.indexOf("```");
        int end = section.lastIndexOf("```");
        if (start < 0 || end <= start) {
            throw new IllegalStateException(file + ": 'AWS CLI' needs one fenced code block");
        }
        return section.substring(section.indexOf('\n', start) + 1, end).strip();
    }

    private static String fencedBlockOrText(StringBuilder section) {
        String s = section.toString();
        int start = s.indexOf("```");
        int end = s.lastIndexOf("```");
        return start >= 0 && end > start
                ? s.substring(s.indexOf('\n', start) + 1, end).strip()
                : s.strip();
    }

    /**
     * The AWS CLI remediation with the resource's name, region, account and ARN filled in, for a POSIX shell. A
     * value that stands outside quotes in the template is single-quoted; inside the template's own quotes it is
     * inserted as is, which is safe because every value is first checked against {@link #SAFE}: a value outside it
     * (a name no AWS API accepts, such as one with a {@code $(...)} in it) gets no command at all, only a comment
     * saying why, with the value escaped. The template is read once ({@link Template}); each call only checks the
     * values and joins the pieces.
     */
    public String cliFor(String name, String region, String account, String arn) {
        String[] values = {name, region == null ? "us-east-1" : region, account, arn};
        for (int k = 0; k < values.length; k++) {
            if (!safe(values[k])) {
                return "# rsaudit prints no command for this resource: its " + Template.PLACEHOLDERS.get(k) + " "
                        + shown(values[k]) + " does not follow AWS naming rules (letters, digits and . _ : / @ + = ,"
                        + " - only), so it cannot be quoted into a command that is safe to paste; check the input";
            }
        }
        return Template.of(cli).fill(values);
    }

    /**
     * The values {@link #cliFor} fills into the template, indexed as {@link CliParts#slots()} name them; {@code null}
     * when it fills none because one of them is outside {@link #SAFE}. Each value is then non-empty printable ASCII
     * without a line end or a space.
     */
    public static String[] cliValues(String name, String region, String account, String arn) {
        String[] values = {name, region == null ? "us-east-1" : region, account, arn};
        for (String v : values) {
            if (!safe(v)) {
                return null;
            }
        }
        return values;
    }

    /**
     * The AWS CLI template cut at its values, the same for every call: what {@link #cliFor} returns for safe values is
     * {@code literals[0] + values[slots[0]] + literals[1] + ... + literals[n]}. For a report writer that treats the
     * template's own text once per check and only the values per finding; its identity is its key.
     */
    public CliParts cliParts() {
        return Template.of(cli).parts;
    }

    /**
     * The literal text of a CLI template between its values, and which value goes between {@code literal(i)} and
     * {@code literal(i + 1)} (0 name, 1 region, 2 account, 3 ARN, as {@link #cliValues} orders them).
     */
    public static final class CliParts {
        private final List<String> literals;
        private final int[] slots;

        CliParts(List<String> literals, int[] slots) {
            if (literals.size() != slots.length + 1) {
                throw new IllegalArgumentException("one literal more than slots");
            }
            this.literals = List.copyOf(literals);
            this.slots = slots.clone();
        }

        /** The number of values; there is one literal more, each possibly empty. */
        public int values() {
            return slots.length;
        }

        public String literal(int i) {
            return literals.get(i);
        }

        /** The index in {@link #cliValues}'s array of the value after {@code literal(i)}. */
        public int slot(int i) {
            return slots[i];
        }
    }

    /**
     * A CLI template cut into pieces once: literal text, and placeholders to be filled as they are or single-quoted
     * with the rest of their word. Kept per template text, so that the hundreds of thousands of findings of a scan
     * read each check's template once.
     */
    private record Template(List<Piece> pieces, int length, CliParts parts) {

        Template(List<Piece> pieces, int length) {
            this(pieces, length, parts(pieces));
        }

        /** The placeholders, in the order of {@link #fill}'s values. */
        static final List<String> PLACEHOLDERS = List.of("name", "region", "account", "arn");

        private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

        /**
         * @param text literal text; after the value of a quoted placeholder, the rest of its word
         * @param slot the placeholder's index in {@link #PLACEHOLDERS}, or -1 for literal text
         * @param quoted whether the value and {@code text} go inside single quotes
         */
        private record Piece(String text, int slot, boolean quoted) {}

        static Template of(String cli) {
            return CACHE.computeIfAbsent(cli, Template::read);
        }

        String fill(String[] values) {
            StringBuilder out = new StringBuilder(length + 64);
            for (Piece p : pieces) {
                if (p.slot < 0) {
                    out.append(p.text);
                } else if (p.quoted) {
                    out.append('\'').append(values[p.slot]).append(p.text).append('\'');
                } else {
                    out.append(values[p.slot]);
                }
            }
            return out.toString();
        }

        private static Template read(String cli) {
            List<Piece> pieces = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            char quote = 0;
            boolean comment = false;
            for (int i = 0; i < cli.length(); i++) {
                char c = cli.charAt(i);
                if (quote == 0 && (i == 0 || cli.charAt(i - 1) == '\n')) {
                    // a comment line's apostrophes ("cluster's") are prose, not quotes
                    int end = lineEnd(cli, i);
                    int first = i;
                    while (first < end && Character.isWhitespace(cli.charAt(first))) {
                        first++;
                    }
                    comment = first < end && cli.charAt(first) == '#';
                }
                if (c == '{' && cli.startsWith("{{", i)) {
                    int end = cli.indexOf("}}", i);
                    int slot = end < 0 ? -1 : PLACEHOLDERS.indexOf(cli.substring(i + 2, end));
                    if (slot >= 0) {
                        if (literal.length() > 0) {
                            pieces.add(new Piece(literal.toString(), -1, false));
                            literal.setLength(0);
                        }
                        boolean wordStart =
                                i == 0 || Character.isWhitespace(cli.charAt(i - 1)) || cli.charAt(i - 1) == '=';
                        if (quote == 0 && !comment && wordStart) {
                            // the quotes take in the rest of the word: '{{name}}-tls' reads better than '{{name}}'-tls
                            int after = end + 2;
                            while (after < cli.length()
                                    && SUFFIX.indexOf(cli.charAt(after)) < 0
                                    && safe(cli.charAt(after))) {
                                after++;
                            }
                            pieces.add(new Piece(cli.substring(end + 2, after), slot, true));
                            i = after - 1;
                        } else {
                            // inside the template's own quotes, or within a word, the checked value is inert as it is
                            pieces.add(new Piece("", slot, false));
                            i = end + 1;
                        }
                        continue;
                    }
                }
                if (!comment && quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (!comment && c == quote) {
                    quote = 0;
                }
                literal.append(c);
            }
            if (literal.length() > 0) {
                pieces.add(new Piece(literal.toString(), -1, false));
            }
            return new Template(List.copyOf(pieces), cli.length());
        }

        /** The pieces as literal text between values: a quoted value's quotes and the rest of its word are literal. */
        private static CliParts parts(List<Piece> pieces) {
            List<String> literals = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            for (Piece p : pieces) {
                if (p.slot < 0) {
                    literal.append(p.text);
                    continue;
                }
                if (p.quoted) {
                    literal.append('\'');
                }
                literals.add(literal.toString());
                slots.add(p.slot);
                literal.setLength(0);
                literal.append(p.text);
                if (p.quoted) {
                    literal.append('\'');
                }
            }
            literals.add(literal.toString());
            return new CliParts(
                    literals, slots.stream().mapToInt(Integer::intValue).toArray());
        }

        private static int lineEnd(String cli, int from) {
            int end = cli.indexOf('\n', from);
            return end < 0 ? cli.length() : end;
        }
    }

    /** Characters that end the word a quoted placeholder takes in. */
    private static final String SUFFIX = "{<";

    /** What an AWS identifier, region or account id may hold: nothing a shell would act on, inside or outside quotes. */
    static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/@+=,-]{1,2048}");

    /** Whether {@code value} matches {@link #SAFE}, without a matcher. */
    private static boolean safe(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!safe(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** One character of {@link #SAFE}, without a matcher per character. */
    private static boolean safe(char c) {
        return c < SAFE_CHARS.length && SAFE_CHARS[c];
    }

    /** The characters of {@link #SAFE}, by code: each value of each printed fix command is read against it. */
    private static final boolean[] SAFE_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            SAFE_CHARS[c] = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "._:/@+=,-".indexOf(c) >= 0;
        }
    }

    /** A value for a comment line: single-quoted, with every character outside printable ASCII escaped. */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder("'");
        value.codePoints().limit(200).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f && cp != '\'' && cp != '\\') {
                b.append((char) cp);
            } else if (cp < 0x100) {
                b.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04x", cp));
            }
        });
        return b.append(value.length() > 200 ? "...'" : "'").toString();
    }
}
