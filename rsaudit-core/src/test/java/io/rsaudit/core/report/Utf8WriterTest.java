package io.rsaudit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    @Test
    void charactersAreTheBytesAnOutputStreamWriterMakes() throws IOException {
        String text = "plain, \u00e9t\u00e9, \u2028, \ud83d\ude00, a lone \ud800 and \udc00, " + "x".repeat(20_000);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(expected, StandardCharsets.UTF_8))) {
            w.write(text);
            w.write('!');
            w.write(text.toCharArray(), 3, 9);
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Writer w = new Utf8Writer(actual)) {
            w.write(text);
            w.write('!');
            w.write(text.toCharArray(), 3, 9);
        }
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void encodedTextComesAfterTheCharactersBeforeIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Utf8Writer w = new Utf8Writer(out)) {
            w.write("first \u00e9 ");
            w.writeUtf8("second \u00e8 ".getBytes(StandardCharsets.UTF_8));
            w.write("third");
            w.writeUtf8(new byte[0]);
            w.writeUtf8(" fourth".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first \u00e9 second \u00e8 third fourth");
    }

    @Test
    void closingClosesTheStreamAndFlushingFlushesIt() throws IOException {
        boolean[] flushed = {false};
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushed[0] = true;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Utf8Writer w = new Utf8Writer(out);
        w.write("text");
        w.writeUtf8(new byte[] {'!'});
        assertThat(flushed[0]).isFalse();
        w.flush();
        assertThat(flushed[0]).isTrue();
        assertThat(closed[0]).isFalse();
        w.close();
        assertThat(closed[0]).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("text!");
    }
}
