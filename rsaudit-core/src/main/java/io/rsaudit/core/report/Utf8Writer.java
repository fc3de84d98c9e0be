package io.rsaudit.core.report;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer of UTF-8 to a byte stream that also takes text already encoded ({@link #writeUtf8}): a report writer that
 * prints its pieces on all cores can encode them there too, and the thread that writes the report in order only copies
 * bytes. Characters are buffered and encoded as {@code new BufferedWriter(new OutputStreamWriter(out, UTF_8))} does
 * (a malformed surrogate becomes '?'), so that a report is the same bytes whichever way its text comes.
 *
 * <p>Encoded text is written after every character written before it, so characters must not end in the first half
 * of a surrogate pair when encoded text follows. {@link #flush} flushes the stream, {@link #close} closes it.
 */
public final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final Writer chars;

    public Utf8Writer(OutputStream out) {
        this.out = out;
        this.chars = new BufferedWriter(new OutputStreamWriter(new Encoded(out), StandardCharsets.UTF_8));
    }

    /** Writes {@code utf8}, text encoded as UTF-8, after the characters written so far. */
    public void writeUtf8(byte[] utf8) throws IOException {
        writeUtf8(utf8, 0, utf8.length);
    }

    /** Writes {@code len} bytes of {@code utf8} from {@code off}, text encoded as UTF-8, after the characters so far. */
    public void writeUtf8(byte[] utf8, int off, int len) throws IOException {
        chars.flush();
        out.write(utf8, off, len);
    }

    @Override
    public void write(char[] text, int off, int len) throws IOException {
        chars.write(text, off, len);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        chars.write(text, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        chars.write(c);
    }

    @Override
    public void flush() throws IOException {
        chars.flush();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            chars.close();
        }
    }

    /**
     * The stream as the character side sees it: flushing the characters moves their bytes on but does not flush the
     * stream (encoded text follows them at once), and closing them leaves the stream to {@link #close}.
     */
    private static final class Encoded extends FilterOutputStream {
        Encoded(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
