package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequiredWordsTest {

    @Test
    void literalRunsOutsideOptionalPartsAreRequired() {
        assertThat(
                        RequiredWords.of(
                                "(?i)^\\s*(drop\\s+table|truncate(\\s+table)?)\\s+(if\\s+exists\\s+)?([\\w.\"]*?audit|([\\w.\"]*[._\"])?logs?([^a-z0-9]|$))"))
                .containsExactly(List.of("table", "truncate"), List.of("audit", "log"));
        assertThat(RequiredWords.of("(?i)^\\s*grant\\s+role\\s+\"?sys:(superuser|secadmin|dba)\\b"))
                .containsExactly(List.of("grant"), List.of("role"), List.of("sys:"));
        assertThat(
                        RequiredWords.of(
                                "(?i)^\\s*(alter\\s+default\\s+privileges\\s[^;]*?)?grant\\s[^;]*\\bto\\s+(group\\s+)?public\\b"))
                .containsExactly(List.of("public"), List.of("grant"));
        // a quantified last letter is left out; + keeps a group required
        assertThat(RequiredWords.of("abcd?(efg)+x{0,2}")).containsExactlyInAnyOrder(List.of("efg"), List.of("abc"));
        assertThat(RequiredWords.of("abc(efg){0}")).containsExactly(List.of("abc"));
    }

    @Test
    void whatIsNotUnderstoodRequiresNothing() {
        assertThat(RequiredWords.of("abc|x")).isEmpty();
        assertThat(RequiredWords.of("\\Qabc\\E")).isEmpty();
        assertThat(RequiredWords.of("(?P<n>abc)")).isEmpty();
        assertThat(RequiredWords.of("(?i:abc)")).isEmpty();
        assertThat(RequiredWords.of("abc)")).isEmpty();
        assertThat(RequiredWords.of("[abc]def")).containsExactly(List.of("def"));
        assertThat(RequiredWords.of("a{x}bcd")).isEmpty();
    }

    /** Over the built-in rules' expressions and texts of their own words: a value RE2 matches passes the prefilter. */
    @Test
    void aMatchAlwaysPassesThePrefilter() {
        String[] res = {
            "(?i)^\\s*(drop\\s+table|truncate(\\s+table)?)\\s+(if\\s+exists\\s+)?([\\w.\"]*?audit|([\\w.\"]*[._\"])?logs?([^a-z0-9]|$))",
            "(?i)^\\s*grant\\s+role\\s+\"?sys:(superuser|secadmin|dba)\\b",
            "(?i)^\\s*(alter\\s+default\\s+privileges\\s[^;]*?)?grant\\s[^;]*\\bto\\s+(group\\s+)?public\\b",
            "(?i)^\\s*grant\\s+all\\b",
            "(?i)\\bto\\s+'s3://([a-z0-9][a-z0-9.\\-]*)",
            "(?i)^\\s*grant\\s+usage\\s+on\\s+datashare\\s+\\S+\\s+to\\s+account\\s+'?(\\d{12})"
        };
        String[] pieces = {
            "drop",
            "table",
            "truncate",
            " ",
            "\n",
            "if",
            "exists",
            "audit",
            "log",
            "logs",
            "_",
            ".",
            "\"",
            "x",
            "grant",
            "role",
            "sys:",
            "superuser",
            "dba",
            "alter",
            "default",
            "privileges",
            "to",
            "group",
            "public",
            "all",
            "'",
            "s3://",
            "usage",
            "on",
            "datashare",
            "account",
            "123456789012",
            ";",
            "LOG",
            "Audit",
            "\u017F",
            "\u212A",
            "truncate table audit_log",
            "drop table if exists logs ",
            "grant role sys:dba",
            "grant select on t to public",
            " to 's3://b/k'",
            "grant usage on datashare d to account '123456789012'",
            "grant all on t"
        };
        Random random = new Random(11);
        int matches = 0;
        for (String re : res) {
            Pattern p = Pattern.compile(re);
            Literals l = Literals.of(re);
            for (int n = 0; n < 40_000; n++) {
                StringBuilder b = new StringBuilder();
                for (int k = random.nextInt(12); k >= 0; k--) {
                    b.append(pieces[random.nextInt(pieces.length)]);
                    if (random.nextInt(3) == 0) {
                        b.append(' ');
                    }
                }
                String text = b.toString();
                if (p.matcher(text).find()) {
                    matches++;
                    assertThat(l == null || l.mayMatch(text))
                            .as(re + " on " + text)
                            .isTrue();
                }
            }
        }
        assertThat(matches).isGreaterThan(2_000);
    }
}
