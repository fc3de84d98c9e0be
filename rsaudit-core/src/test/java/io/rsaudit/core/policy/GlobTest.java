package io.rsaudit.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starsAndQuestionMarks() {
        assertThat(Glob.of("arn:aws:redshift:*:111111111111:snapshot:legacy/*")
                        .matches("arn:aws:redshift:eu-west-1:111111111111:snapshot:legacy/a-1"))
                .isTrue();
        assertThat(Glob.of("legacy-??").matches("legacy-01")).isTrue();
        assertThat(Glob.of("legacy-??").matches("legacy-1")).isFalse();
        assertThat(Glob.of("*").matches("")).isTrue();
        assertThat(Glob.of("").matches("")).isTrue();
        assertThat(Glob.of("").matches("a")).isFalse();
        assertThat(Glob.of("a*b*c").matches("aXbYbZc")).isTrue();
        assertThat(Glob.of("a*b*c").matches("aXbYbZ")).isFalse();
        // regex metacharacters are themselves
        assertThat(Glob.of("a.b[1]+(x)").matches("a.b[1]+(x)")).isTrue();
        assertThat(Glob.of("a.b").matches("aXb")).isFalse();
        // ? is one character, also outside the BMP
        assertThat(Glob.of("x?y").matches("x\uD83D\uDE00y")).isTrue();
    }

    /** The probe of issue 19: eight {@code *?} pairs and a character that never matches took minutes as a regex. */
    @Test
    void hostileGlobIsFast() {
        String text = "arn:aws:redshift:eu-west-1:111111111111:cluster:" + "a".repeat(10_000);
        Suppression s = new Suppression(
                "RS-X", "*?".repeat(64) + "!", "probe", LocalDate.of(2030, 1, 1), "policy.yaml suppressions[0]");
        ResourceId id = new ResourceId(
                ResourceType.CLUSTER,
                new Scope("111111111111", "eu-west-1"),
                "a".repeat(10_000),
                text,
                Provenance.of("export/clusters.json", "/Clusters/0"));
        long start = System.nanoTime();
        assertThat(s.matches("RS-X", id)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    /** Seeded, bounded: random globs and texts over a small alphabet agree with a reference dynamic program. */
    @Test
    void agreesWithReferenceOnRandomInput() {
        Random random = new Random(19);
        char[] alphabet = {'a', 'b', '*', '?'};
        for (int round = 0; round < 20_000; round++) {
            String glob = random(random, alphabet, random.nextInt(8));
            String text = random(random, new char[] {'a', 'b'}, random.nextInt(10));
            assertThat(Glob.of(glob).matches(text)).as("%s ~ %s", glob, text).isEqualTo(reference(glob, text));
        }
    }

    private static String random(Random random, char[] alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return b.toString();
    }

    private static boolean reference(String p, String t) {
        boolean[][] m = new boolean[p.length() + 1][t.length() + 1];
        m[p.length()][t.length()] = true;
        for (int i = p.length() - 1; i >= 0; i--) {
            for (int j = t.length(); j >= 0; j--) {
                char c = p.charAt(i);
                if (c == '*') {
                    m[i][j] = m[i + 1][j] || (j < t.length() && m[i][j + 1]);
                } else {
                    m[i][j] = j < t.length() && (c == '?' || c == t.charAt(j)) && m[i + 1][j + 1];
                }
            }
        }
        return m[0][0];
    }
}
