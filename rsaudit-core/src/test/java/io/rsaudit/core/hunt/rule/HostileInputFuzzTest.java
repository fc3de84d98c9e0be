package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.rsaudit.core.policy.Glob;
import io.rsaudit.core.redact.Redactor;
import io.rsaudit.core.report.Terminal;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a seeded fuzz of what hostile or careless input reaches, in a fixed number of cases (the same work on
 * every run, so the time in CI is bounded; nothing asserts a time). A hang or a stack overflow fails the build; every
 * failure names its seed and case, and repeats.
 */
class HostileInputFuzzTest {

    private static final long SEED = 19;

    /** Pieces of regexes, the backtracking-prone ones among them. */
    private static final List<String> ATOMS = List.of(
            "a", "b", "!", ".", "\\d", "\\w", "[ab]", "[^a]", "(", ")", "(?:", "|", "*", "+", "?", "{2}", "{1,3}", "*?",
            "^", "$", "\\b", "(?=", "(?!", "\\1", "*+", "(.*a)", "(a|a)", "(a+)+", "(a*)*");

    private static String regex(Random r) {
        // a flag group only at the start: where it stands between an atom and its quantifier, Java and RE2 read
        // the degenerate syntax differently, which says nothing about safety
        StringBuilder b = new StringBuilder(r.nextInt(4) == 0 ? "(?i)" : "");
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            b.append(ATOMS.get(r.nextInt(ATOMS.size())));
        }
        return b.toString();
    }

    private static String text(Random r, String alphabet, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /**
     * Every generated regex is refused with a reason or compiled; a compiled one agrees with java.util.regex on short
     * texts (where backtracking cannot blow up) and runs through 20,000 characters built to make a backtracking
     * engine explode, without a stack overflow.
     */
    @Test
    void ruleRegexesAreRefusedWithAReasonOrRunOnAnyText() {
        Random r = new Random(SEED);
        String hostile = "a".repeat(20_000) + "!";
        int compiled = 0;
        for (int i = 0; i < 3_000; i++) {
            String re = regex(r);
            Pattern p;
            try {
                p = RuleRegex.compile(re);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("case %d: %s", i, re).isNotBlank();
                continue;
            }
            compiled++;
            java.util.regex.Pattern reference = javaPattern(re);
            for (int k = 0; reference != null && k < 10; k++) {
                String t = text(r, "ab!1", 10);
                assertThat(p.matcher(t).find())
                        .as("case %d: /%s/ on '%s'", i, re, t)
                        .isEqualTo(reference.matcher(t).find());
            }
            p.matcher(hostile).find();
        }
        assertThat(compiled).as("enough regexes compile to test the engine").isGreaterThan(500);
    }

    private static java.util.regex.Pattern javaPattern(String re) {
        try {
            return java.util.regex.Pattern.compile(re);
        } catch (java.util.regex.PatternSyntaxException e) {
            return null;
        }
    }

    /** Globs of stars and question marks agree with a reference on short texts and finish on long ones. */
    @Test
    void suppressionGlobsMatchLikeTheReferenceAndFinishOnLongTexts() {
        Random r = new Random(SEED);
        String longText = "ab".repeat(10_000);
        for (int i = 0; i < 5_000; i++) {
            String glob = text(r, "ab*?", 16);
            Glob g = Glob.of(glob);
            for (int k = 0; k < 5; k++) {
                String t = text(r, "ab", 12);
                assertThat(g.matches(t)).as("case %d: %s on %s", i, glob, t).isEqualTo(reference(glob, t));
            }
            g.matches(longText + glob.replace('*', 'a').replace('?', 'b'));
        }
    }

    /** Whether the whole text matches the glob: dynamic programming over prefixes. */
    private static boolean reference(String glob, String text) {
        boolean[][] m = new boolean[glob.length() + 1][text.length() + 1];
        m[0][0] = true;
        for (int i = 1; i <= glob.length(); i++) {
            char g = glob.charAt(i - 1);
            for (int j = 0; j <= text.length(); j++) {
                m[i][j] = g == '*'
                        ? m[i - 1][j] || (j > 0 && m[i][j - 1])
                        : j > 0 && m[i - 1][j - 1] && (g == '?' || g == text.charAt(j - 1));
            }
        }
        return m[glob.length()][text.length()];
    }

    /** Whole SQL tokens, the tokenizer's hard cases among them: every one ends where it starts. */
    private static final List<String> TOKENS = List.of(
            "select",
            "from",
            "t",
            "x",
            "=",
            ",",
            ";",
            "(",
            ")",
            "'lit'",
            "'it''s'",
            "E'a\\'b'",
            "$$dollar$$",
            "$q$ nested 'q' $q$",
            "\"Ident\"",
            "\"we\"\"ird\"",
            "/* c /* nested */ */",
            "-- line\n",
            "\n",
            "\u00a0",
            "\u200b",
            "'password ''inner'''",
            "\"pass\\\"word\"",
            "secret",
            "token",
            "pwd",
            "PASSWORD",
            "AKIAIOSFODNN7EXAMPLE",
            "arn:aws:iam::1:role/r",
            "'\\'",
            "''",
            "\"\"",
            ":",
            "://",
            "@",
            "{",
            "}");

    /** Ways a secret is written; {@code %%} stands for the secret. */
    private static final List<String> FORMS = List.of(
            "password '%%'",
            "PASSWORD \"%%\"",
            "password /* why */ '%%'",
            "password\u00a0'%%'",
            "password=%%;",
            "PWD=%%;",
            "SECRET_ACCESS_KEY %%",
            "secret_access_key '%%'",
            "\"password\": \"%%\"",
            "'SecretAccessKey': '%%'",
            "postgres://user:%%@host/db",
            "session_token='%%'",
            "CREDENTIALS 'aws_access_key_id=AKIA;aws_secret_access_key=%%'",
            "'alter user u password ''%%'''",
            "E'password \\'%%\\''");

    /**
     * Random SQL of whole tokens with secrets planted between them in every form the redactor knows: no secret
     * survives, the redactor never throws, and redacting twice changes nothing more.
     */
    @Test
    void noPlantedSecretSurvivesRedactionInAnySurroundings() {
        Random r = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String secret = "Zq9x" + Integer.toString(r.nextInt(1 << 30), 36) + "wJ7k";
            StringBuilder sql = new StringBuilder();
            int n = r.nextInt(12);
            int planted = r.nextInt(n + 1);
            for (int k = 0; k <= n; k++) {
                if (k == planted) {
                    sql.append(FORMS.get(r.nextInt(FORMS.size())).replace("%%", secret))
                            .append(' ');
                }
                if (k < n) {
                    sql.append(TOKENS.get(r.nextInt(TOKENS.size()))).append(' ');
                }
            }
            Set<String> found = new HashSet<>();
            String once = Redactor.redact(sql.toString(), found);
            assertThat(once).as("case %d: %s", i, sql).doesNotContain(secret);
            assertThat(found).as("case %d: %s", i, sql).isNotEmpty();
            assertThat(Redactor.redact(once, new HashSet<>()))
                    .as("case %d: %s", i, sql)
                    .isEqualTo(once);
        }
    }

    /** Any text, rendered for a terminal, holds no character a terminal acts on; line ends are kept per line. */
    @Test
    void renderedTextHoldsNothingATerminalActsOn() {
        Random r = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x30) : (char) r.nextInt(0x3000));
            }
            String text = b.toString();
            String shown = Terminal.escape(text);
            assertThat(shown.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || isFormat(c)))
                    .as("case %d", i)
                    .isEmpty();
            String lines = Terminal.escapeLines(text);
            assertThat(lines.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isFormat(c))))
                    .as("case %d", i)
                    .isEmpty();
            assertThat(lines.chars().filter(c -> c == '\n').count())
                    .isEqualTo(text.chars().filter(c -> c == '\n').count());
        }
    }

    private static boolean isFormat(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
