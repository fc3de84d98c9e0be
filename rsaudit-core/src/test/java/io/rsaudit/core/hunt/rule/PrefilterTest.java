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
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                b.append(c >= 128 && random.nextInt(8) != 0 ? 'r' : c);
            }
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

    @Test
    void anOptionalGroupIsSkippedForTheWordThatFollowsIt() {
        assertThat(Literals.of("(?i)^\\s*(alter\\s+default\\s+privileges\\s[^;]*?)?grant\\s[^;]*\\bto\\s+public")
                        .words())
                .containsExactly("grant");
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
}
