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
            String prefix = bits(random, random.nextInt(3));
            StringBuilder text = new StringBuilder(prefix);
            SecretClues[] literals = new SecretClues[values + 1];
            int[] literalStarts = new int[values + 1];
            int[] valueStarts = new int[values];
            int[] valueEnds = new int[values];
            for (int i = 0; i <= values; i++) {
                String literal = bits(random, random.nextInt(6));
                literals[i] = new SecretClues().add(literal, 0, literal.length(), 0);
                literalStarts[i] = text.length();
                text.append(literal);
                if (i < values) {
                    valueStarts[i] = text.length();
                    text.append(bits(random, 1 + random.nextInt(3)));
                    valueEnds[i] = text.length();
                }
            }
            String whole = text.substring(prefix.length());
            boolean expected = Redactor.mayContainSecret(whole);
            assertThat(SecretClues.mayContainSecret(
                            text, prefix.length(), literals, literalStarts, valueStarts, valueEnds))
                    .as("%s", whole)
                    .isEqualTo(expected);
            assertThat(new SecretClues().add(whole, 0, whole.length(), 0).mayContainSecret())
                    .as("%s", whole)
                    .isEqualTo(expected);
            // what a report does to a command's lines: spaces after each line end
            assertThat(Redactor.mayContainSecret(whole.replace("\n", "\n     ")))
                    .as("%s", whole)
                    .isEqualTo(expected);
            mayCount += expected ? 1 : 0;
        }
        // both answers are common, so both were compared
        assertThat(mayCount).isBetween(20_000, 180_000);
    }

    private static String bits(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(BITS[random.nextInt(BITS.length)]);
        }
        return b.toString();
    }
}
