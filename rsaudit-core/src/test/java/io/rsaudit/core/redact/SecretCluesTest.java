package io.rsaudit.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretCluesTest {

    /** Bits of text that make and break the first pass's clues, and plain text. */
    private static final String[] BITS = {
        "pass",
        "w",
        "PASSW",
        "pw",
        "d",
        "tok",
        "en",
        "TOKEN",
        "sec",
        "ret",
        "sym",
        "metric",
        "SYMMETRIC",
        "'",
        "\"",
        "=",
        ":",
        "$",
        "@",
        "/",
        "//",
        "://",
        "a",
        "p",
        "t",
        "s",
        "x-",
        " ",
        "\n",
        "\u00e9",
        "\u0170",
        "--x"
    };

    @Test
    void aTextCutIntoLiteralsAndValuesIsJudgedAsTheWholeText() {
        Random random = new Random(42);
        int mayCount = 0;
        for (int round = 0; round < 200_000; round++) {
            int values = random.nextInt(5);
            String[] literals = new String[values + 1];
            String[] filled = new String[values];
            StringBuilder text = new StringBuilder();
            for (int i = 0; i <= values; i++) {
                literals[i] = bits(random, random.nextInt(6));
                text.append(literals[i]);
                if (i < values) {
                    filled[i] = bits(random, 1 + random.nextInt(3));
                    text.append(filled[i]);
                }
            }
            SecretClues[] clues = new SecretClues[values + 1];
            int[] lengths = new int[values + 1];
            for (int i = 0; i <= values; i++) {
                clues[i] = new SecretClues().add(literals[i], 0, literals[i].length(), 0);
                lengths[i] = literals[i].length();
            }
            boolean expected = Redactor.mayContainSecret(text.toString());
            assertThat(SecretClues.mayContainSecret(text.toString(), clues, lengths, filled))
                    .as("%s", text)
                    .isEqualTo(expected);
            assertThat(new SecretClues()
                            .add(text.toString(), 0, text.length(), 0)
                            .mayContainSecret())
                    .as("%s", text)
                    .isEqualTo(expected);
            mayCount += expected ? 1 : 0;
        }
        // both answers are common, so both were compared
        assertThat(mayCount).isBetween(20_000, 180_000);
    }

    @Test
    void partsThatDoNotMakeUpTheTextMayHoldAnything() {
        SecretClues[] clues = {new SecretClues(), new SecretClues()};
        assertThat(SecretClues.mayContainSecret("plain text", clues, new int[] {2, 2}, new String[] {"x"}))
                .isTrue();
        assertThat(SecretClues.mayContainSecret("ab x cd", clues, new int[] {3, 3}, new String[] {"x"}))
                .isFalse();
    }

    private static String bits(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(BITS[random.nextInt(BITS.length)]);
        }
        return b.toString();
    }
}
