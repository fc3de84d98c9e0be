package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.rsaudit.core.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefilterTest {

    /** The automaton finds exactly the words an ASCII case-insensitive search finds, overlapping ones included. */
    @Test
    void oneScanFindsEveryWordThatASearchFinds() {
        List<String> words = List.of("grant", "ran", "pg_user", "pg_user_info", "user", "an", "information_schema.");
        WordScan scan = new WordScan(words);
        Random random = new Random(3);
        String alphabet = "grantpgusr_inf.oGRANTPUS ";
        long[] found = new long[1];
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                b.insert(random.nextInt(b.length() + 1), words.get(random.nextInt(words.size())));
            }
            String text = b.toString();
            scan.scan(text, found);
            for (int id = 0; id < words.size(); id++) {
                assertThat((found[0] & (1L << id)) != 0)
                        .as(text + " holds " + words.get(id))
                        .isEqualTo(text.toLowerCase(Locale.ROOT).contains(words.get(id)));
            }
        }
    }

    /** The scan of a copy in a buffer finds what the scan in place finds, outside ASCII too. */
    @Test
    void theBufferedScanFindsWhatTheScanInPlaceFinds() {
        List<String> words = List.of("grant", "ran", "pg_user", "pg_user_info", "user", "an", "information_schema.");
        WordScan scan = new WordScan(words);
        Random random = new Random(5);
        String alphabet = "grantpgusr_inf.oGRANTPUS \u212A\u00e9\u017F\uffff\u0080";
        long[] inPlace = new long[1];
        long[] buffered = new long[1];
        char[] buffer = new char[24];
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = randomText(random, alphabet, 30, 'r');
            if (random.nextInt(4) == 0) {
                b.insert(random.nextInt(b.length() + 1), words.get(random.nextInt(words.size())));
            }
            String text = b.toString();
            scan.scan(text, inPlace);
            buffered[0] = 42;
            scan.scan(text, buffered, buffer);
            assertThat(buffered[0]).as(text).isEqualTo(inPlace[0]);
        }
    }

    /**
     * The proof that a text holds no word with an underscore is never wrong: RE2 finds none of them, ignoring case,
     * in a text it passes, characters that fold into ASCII letters included; and the shared scan decides with it.
     */
    @Test
    void noSnakeWordIsProvedOnlyWhenTrue() {
        List<String> words =
                List.of("pg_user", "pg_shadow", "svv_user_info", "information_schema.table_privileges", "grant", "log");
        WordScan scan = new WordScan(words);
        Random random = new Random(7);
        String alphabet = "pgsvuer_lIPGSVUE ogtn.\u017F\u212A";
        int proved = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = randomText(random, alphabet, 40, '_');
            if (random.nextInt(3) == 0) {
                String w = words.get(random.nextInt(words.size()));
                w = random.nextBoolean() ? w : w.toUpperCase(Locale.ROOT);
                b.insert(random.nextInt(b.length() + 1), random.nextInt(4) == 0 ? w.replace('s', '\u017F') : w);
            }
            String text = b.toString();
            if (scan.holdsNoSnakeWord(text)) {
                proved++;
                for (String w : words) {
                    if (w.contains("_")) {
                        assertThat(Pattern.compile("(?i)" + Pattern.quote(w))
                                        .matcher(text)
                                        .find())
                                .as(text + " holds " + w)
                                .isFalse();
                    }
                }
            }
        }
        assertThat(proved).isGreaterThan(10_000);
        Literals recon = Literals.of("(?i)\\b(pg_user|svv_user_info)\\b");
        Literals grant = Literals.of("(?i)\\bgrant\\b");
        Prefilter.Scan shared = Prefilter.of(List.of(builtIn("RSH-EXFIL-003"))).scan();
        String select = "select customer_id from sales";
        assertThat(shared.mayContain(select, recon)).isFalse();
        assertThat(shared.mayContain(select + " grant", grant)).isTrue();
        assertThat(shared.mayContain("select * from PG_USER", recon)).isTrue();
    }

    /** An expression anchored at the start needs its word there: "created_at" in a select does not pass CREATE USER. */
    @Test
    void anAnchoredWordMustStartTheValue() {
        Literals l = Literals.of("(?i)^\\s*(alter|create)\\s+user\\s+[^;]*\\bcreateuser\\b");
        assertThat(l.mayMatch("select created_at from sales;")).isFalse();
        assertThat(l.mayMatch(" \n\tCREATE user x createuser;")).isTrue();
        assertThat(l.mayMatch("\u017Fomething")).isTrue();
        assertThat(Literals.of("(?i)\\bcreate\\b").mayMatch("select created_at from sales;"))
                .isTrue();
    }

    @Test
    void aTextOutsideAsciiHoldsEveryWord() {
        long[] found = new long[1];
        new WordScan(List.of("abc", "def")).scan("x\u212Ay", found);
        assertThat(found[0] & 3L).isEqualTo(3L);
    }

    /**
     * An optional group is skipped for the word that follows it; at an anchored start, the match starts with the
     * group's word or that one, which the start of the value decides without a scan.
     */
    @Test
    void anOptionalGroupIsSkippedForTheWordThatFollowsIt() {
        assertThat(Literals.of("(?i)\\b(alter\\s+default\\s+privileges\\s[^;]*?)?grant\\s[^;]*\\bto\\s+public")
                        .words())
                .containsExactly("grant");
        Literals l = Literals.of("(?i)^\\s*(alter\\s+default\\s+privileges\\s[^;]*?)?grant\\s[^;]*\\bto\\s+public");
        assertThat(l.words()).containsExactly("alter", "grant");
        assertThat(l.anchored()).isTrue();
        assertThat(l.mayMatch("select 1; grant select on t to public")).isFalse();
        assertThat(l.mayMatch(" Grant select on t to public")).isTrue();
        assertThat(l.mayMatch("\tALTER default privileges in schema s grant select on tables to public"))
                .isTrue();
        Literals two = Literals.of("(?i)^\\s*(alter\\s)?(create\\s)?grant");
        assertThat(two.anchored()).isFalse();
        assertThat(two.words()).containsExactly("grant");
    }

    /**
     * RE2 folds the long s into s under {@code (?i)}: the prefilter lets such values through
     * rather than reject what the expression finds.
     */
    @Test
    void foldedCharactersOutsideAsciiPass() {
        Literals l = Literals.of("(?i)\\b(pg_class|pg_user)\\b");
        String kelvinLongS = "select * from pg_cla\u017Fs;";
        assertThat(Pattern.compile("(?i)\\b(pg_class|pg_user)\\b")
                        .matcher(kelvinLongS)
                        .find())
                .isTrue();
        assertThat(l.mayMatch(kelvinLongS)).isTrue();
        CompiledRule rule = builtIn("RSH-EXFIL-003");
        Prefilter.Scan scan = Prefilter.of(List.of(rule)).scan();
        assertThat(scan.mayContain(kelvinLongS, l)).isTrue();
    }

    /**
     * With the hunt's shared scan, every built-in rule decides every fixture event as it does alone; the scan also
     * turns away the values that hold none of a test's words.
     */
    @Test
    void theSharedScanDecidesAsEachRuleAlone() throws Exception {
        List<CompiledRule> rules = new ArrayList<>();
        for (Rule r : RuleCatalog.builtIn().all()) {
            rules.add(CompiledRule.of(r, Policy.defaults()));
        }
        Prefilter.Scan scan = Prefilter.of(rules).scan();
        List<io.rsaudit.core.hunt.Event> events = RuleFixturesTest.allFixtureEvents();
        assertThat(events).hasSizeGreaterThan(50);
        int matches = 0;
        for (io.rsaudit.core.hunt.Event e : events) {
            for (CompiledRule r : rules) {
                if (!r.reads(e.type())) {
                    continue;
                }
                int alone = r.match(e);
                assertThat(r.match(e, scan))
                        .as(r.rule().id() + " on " + e.origin())
                        .isEqualTo(alone);
                matches += alone != 0 ? 1 : 0;
            }
        }
        assertThat(matches).isGreaterThan(30);
        Literals grant = Literals.of("(?i)^\\s*grant\\s+all\\b");
        assertThat(Prefilter.of(rules).scan().mayContain("select 1 from sales", grant))
                .isFalse();
        assertThat(Arrays.stream(grant.mask()).anyMatch(m -> m != 0)).isTrue();
    }

    private static CompiledRule builtIn(String id) {
        return CompiledRule.of(
                RuleCatalog.builtIn().all().stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst()
                        .orElseThrow(),
                Policy.defaults());
    }

    /**
     * Fewer than {@code max} characters of {@code alphabet}; seven in eight of those outside ASCII replaced by
     * {@code common}, so that the text is mostly made of what the words are.
     */
    private static StringBuilder randomText(Random random, String alphabet, int max, char common) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(max); i > 0; i--) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            b.append(c >= 128 && random.nextInt(8) != 0 ? common : c);
        }
        return b;
    }
}
