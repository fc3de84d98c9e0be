package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LiteralsTest {

    @Test
    void aGroupOfWordsGivesOneWordPerAlternative() {
        assertThat(Literals.of("(?i)\\b(pg_user|svv_user_info|information_schema\\.(tables|columns))\\b")
                        .words())
                .containsExactly("pg_user", "svv_user_info", "information_schema.tables", "information_schema.columns");
        assertThat(Literals.of("pg_terminate_backend\\(").words()).containsExactly("pg_terminate_backend");
        // leading white space is skipped: the word still follows it
        assertThat(Literals.of("(?i)^\\s*grant\\s+all\\b").words()).containsExactly("grant");
        assertThat(Literals.of("(?i)^\\s*(alter|create)\\s+user\\b").words()).containsExactly("alter", "create");
        assertThat(Literals.of("(?i)\\bABCd+").words()).containsExactly("abc");
    }

    @Test
    void aGroupRightAfterAWordLengthensItOnlyWhereEveryMatchHoldsTheWhole() {
        assertThat(Literals.of("abc\\.(?:de|f\\.g)x").words()).containsExactly("abc.de", "abc.f.g");
        // a quantified group, or an alternative with no literal start, leaves the word alone
        assertThat(Literals.of("abc(de|fg)?x").words()).containsExactly("abc");
        assertThat(Literals.of("abc(de|fg)+").words()).containsExactly("abc");
        assertThat(Literals.of("abc(de|[fg])").words()).containsExactly("abc");
        assertThat(Literals.of("abc(?i)(de)").words()).containsExactly("abc");
        // a quantifier on the word's last letter: nothing follows it in every match
        assertThat(Literals.of("abcd?(ef)").words()).containsExactly("abc");
        // the alternative's own quantified last letter is left out
        assertThat(Literals.of("abc(dex?|fg)").words()).containsExactly("abcde", "abcfg");
    }

    @Test
    void shapesNotUnderstoodHaveNoPrefilter() {
        assertThat(Literals.of("(abc|def)?x")).isNull();
        assertThat(Literals.of("abc|def")).isNull();
        assertThat(Literals.of("(?<!x)abc")).isNull();
        assertThat(Literals.of("(?m)^abc")).isNull();
        assertThat(Literals.of("(abc|d)")).isNull();
        assertThat(Literals.of("ab+c")).isNull();
        assertThat(Literals.of("[|(]abc")).isNull();
    }

    /** The prefilter never turns away a value the expression finds: every built-in expression over many texts. */
    @Test
    void thePrefilterNeverRejectsAMatch() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/io/rsaudit/core/hunt"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                texts.addAll(Files.readAllLines(p));
            }
        }
        Random random = new Random(11);
        List<String> variants = new ArrayList<>();
        for (String t : texts) {
            variants.add(t.toUpperCase(Locale.ROOT));
            variants.add(t.replace('_', '\u0130'));
            StringBuilder b = new StringBuilder(t);
            for (int i = 0; i < b.length(); i++) {
                if (random.nextInt(4) == 0) {
                    b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
                }
            }
            variants.add(b.toString());
        }
        texts.addAll(variants);
        int checked = 0;
        for (Rule r : RuleCatalog.builtIn().all()) {
            for (Selection s : r.selections().values()) {
                for (List<FieldTest> tests : s.alternatives()) {
                    for (FieldTest t : tests) {
                        if (t.modifier() != Modifier.RE) {
                            continue;
                        }
                        for (String re : t.values()) {
                            Literals l = Literals.of(re);
                            Pattern p = Pattern.compile(re);
                            for (String text : texts) {
                                if (p.matcher(text).find()) {
                                    checked++;
                                    assertThat(l == null || l.mayMatch(text))
                                            .as(re + " on " + text)
                                            .isTrue();
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(Literals.of(RuleCatalog.builtIn().all().stream()
                        .filter(r -> r.id().equals("RSH-EXFIL-003"))
                        .findFirst()
                        .orElseThrow()
                        .selections()
                        .get("recon")
                        .alternatives()
                        .get(0)
                        .get(1)
                        .values()
                        .get(0)))
                .as("the recon expression has a prefilter")
                .isNotNull();
    }

    @Test
    void asciiTestsAgreeWithLowerCasing() {
        String[] needles = {"pg_terminate_backend", "abc", "i", "k", "ss", "a"};
        String alphabet = "aAbBcCiIkKsS_\u0130\u212A\u00DF\u03A3 ";
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                b.insert(random.nextInt(b.length() + 1), "PG_Terminate_Backend");
            }
            String v = b.toString();
            String low = v.toLowerCase(Locale.ROOT);
            for (String w : needles) {
                assertThat(Ascii.containsIgnoreCase(v, w))
                        .as(v + " contains " + w)
                        .isEqualTo(low.contains(w));
                assertThat(Ascii.startsWithIgnoreCase(v, w))
                        .as(v + " starts " + w)
                        .isEqualTo(low.startsWith(w));
                assertThat(Ascii.endsWithIgnoreCase(v, w)).as(v + " ends " + w).isEqualTo(low.endsWith(w));
            }
        }
    }
}
