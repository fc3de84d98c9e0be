package io.rsaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.redact.Redactor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactedTest {

    /** Pieces that make and break secret clues, characters a terminal acts on, and plain text. */
    private static final String[] BITS = {
        "password",
        "pwd",
        "PassW",
        "token",
        "secret",
        "SYMMETRIC",
        "'",
        "\"",
        "=",
        ":",
        "$",
        "@",
        "://",
        "x",
        "p",
        "s",
        "t",
        " ",
        "prod-dw",
        "\u001b[2J",
        "\r\n",
        "\u007f",
        "\u0085",
        "\u00e9",
        "\u202e",
        "\u6771",
        "~"
    };

    @Test
    void aValueForTheTerminalIsTheRedactedTextEscapedWhateverItHolds() {
        Random random = new Random(23);
        int plain = 0;
        for (int round = 0; round < 100_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                b.append(BITS[random.nextInt(BITS.length)]);
            }
            String value = b.toString();
            assertThat(Redacted.forTerminal(value)).as("%s", value).isEqualTo(Terminal.escape(Redactor.redact(value)));
            boolean printable = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(Redactor.isPlainPrintableAscii(value))
                    .as("%s", value)
                    .isEqualTo(printable && !Redactor.mayContainSecret(value));
            plain += Redactor.isPlainPrintableAscii(value) ? 1 : 0;
        }
        assertThat(plain).as("values shown after one pass").isBetween(5_000, 95_000);
        assertThat(Redacted.forTerminal(null)).isNull();
        assertThat(Redacted.forTerminal("db password='x'\u001b")).isEqualTo("db password='<redacted:password>'\\x1b");
    }
}
