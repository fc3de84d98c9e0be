package io.rsaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 19 #6: what a terminal would act on is shown escaped. */
class TerminalTest {

    @Test
    void controlAndBidiCharactersAreShownAsEscapes() {
        assertThat(Terminal.escape("prod\u001b[2J\u0007dw")).isEqualTo("prod\\x1b[2J\\x07dw");
        assertThat(Terminal.escape("a\r\nPASS  forged")).isEqualTo("a\\x0d\\x0aPASS  forged");
        assertThat(Terminal.escape("user\u202eevil\u2066")).isEqualTo("user\\u202eevil\\u2066");
        assertThat(Terminal.escape("x\u0085y\u009bz\u2028")).isEqualTo("x\\x85y\\x9bz\\u2028");
        assertThat(Terminal.escape("prod-dw é 東京 \uD83D\uDE00")).isEqualTo("prod-dw é 東京 \uD83D\uDE00");
        assertThat(Terminal.escape(null)).isNull();
    }

    /** Seeded: whatever the input, the output holds no character a terminal acts on. */
    @Test
    void noOutputHoldsACharacterATerminalActsOn() {
        Random r = new Random(19);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(30); k > 0; k--) {
                b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x30) : (char) r.nextInt(0x3000));
            }
            String out = Terminal.escape(b.toString());
            for (int i = 0; i < out.length(); i++) {
                assertThat(Terminal.acts(out.charAt(i))).as("%s", b).isFalse();
            }
        }
    }

    @Test
    void linesPrintAsTheyAreOnlyWhenEscapingChangesNoLine() {
        for (String text :
                new String[] {"", "aws redshift modify-cluster \\\n  --cluster-identifier 'prod'\n", "\n\n"}) {
            assertThat(Terminal.linesPrintAsTheyAre(text)).as(text).isTrue();
            assertThat(text.lines()).allMatch(line -> Terminal.escape(line).equals(line));
        }
        for (String text : new String[] {"a\rb", "a\n\u001b[2J", "prod\u202e", "x\u00ad", "a\u2028b"}) {
            assertThat(Terminal.linesPrintAsTheyAre(text)).as(text).isFalse();
        }
    }
}
