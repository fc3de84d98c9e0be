package io.rsaudit.core.hunt.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Splits a stream into lines on bytes, in one big reusable buffer: no decoding, no copy per line. A line is handed
 * over without its {@code \n} and without a {@code \r} before it. A line longer than the maximum is not held: its
 * first bytes are handed to {@link Lines#oversized} and the rest is skipped up to the next line end. A read that
 * fails (a truncated or corrupt gzip member, an I/O error) ends the file with a problem; every line read whole
 * before it has been handed over.
 */
final class LineReader {

    /** What the parser does with lines. */
    interface Lines {
        void line(byte[] buf, int from, int to, long lineNo);

        /** A line of {@code length} bytes (counted so far) over the maximum; {@code buf[from, to)} is its start. */
        void oversized(byte[] buf, int from, int to, long lineNo, long length);

        /** Called once, after the last line (also after a read error). */
        void end(long lastLineNo);
    }

    private static final int INITIAL = 1 << 18;

    private LineReader() {
    }

    static void read(InputStream in, int maxLine, boolean gzip, FileRead file, Lines lines) {
        byte[] buf = new byte[Math.min(INITIAL, maxLine + 2)];
        int start = 0;
        int limit = 0;
        int scan = 0;
        long lineNo = 0;
        long skipping = -1;
        try {
            while (true) {
                int nl = Text.indexOfByte(buf, scan, limit, (byte) '\n');
                if (nl >= 0) {
                    lineNo++;
                    if (skipping >= 0) {
                        skipping = -1;
                    } else {
                        hand(lines, buf, start, nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl, lineNo, maxLine);
                    }
                    start = nl + 1;
                    scan = start;
                    continue;
                }
                if (skipping >= 0) {
                    skipping += limit - start;
                    start = 0;
                    limit = 0;
                } else if (limit - start > maxLine) {
                    lines.oversized(buf, start, Math.min(limit, start + 256), lineNo + 1, limit - start);
                    skipping = limit - start;
                    start = 0;
                    limit = 0;
                } else if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, limit - start);
                    limit -= start;
                    start = 0;
                }
                if (limit == buf.length) {
                    byte[] bigger = new byte[(int) Math.min((long) maxLine + 2, buf.length * 2L)];
                    System.arraycopy(buf, 0, bigger, 0, limit);
                    buf = bigger;
                }
                scan = limit;
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    if (limit > start && skipping < 0) {
                        lineNo++;
                        hand(lines, buf, start, buf[limit - 1] == '\r' ? limit - 1 : limit, lineNo, maxLine);
                    } else if (skipping >= 0) {
                        lineNo++;
                    }
                    break;
                }
                limit += n;
            }
        } catch (EOFException | ZipException e) {
            broken(file, lineNo + 1, limit - start, gzip, e);
        } catch (IOException e) {
            file.problem(lineNo + 1, ReadProblem.Kind.UNREADABLE, "read failed: " + e.getMessage()
                    + lost(limit - start, lineNo + 1));
        }
        lines.end(lineNo);
    }

    /** A whole line, or its start when it is over the maximum (a last line without '\n' can be). */
    private static void hand(Lines lines, byte[] buf, int start, int end, long lineNo, int maxLine) {
        if (end - start > maxLine) {
            lines.oversized(buf, start, Math.min(end, start + 256), lineNo, end - start);
        } else {
            lines.line(buf, start, end, lineNo);
        }
    }

    private static void broken(FileRead file, long line, int partial, boolean gzip, IOException e) {
        if (gzip) {
            file.problem(line, ReadProblem.Kind.TRUNCATED_GZIP, (e instanceof EOFException ? "truncated gzip stream"
                    : "corrupt gzip stream (" + e.getMessage() + ")") + lost(partial, line));
        } else {
            file.problem(line, ReadProblem.Kind.UNREADABLE, "read failed: " + e.getMessage() + lost(partial, line));
        }
    }

    private static String lost(int partial, long line) {
        return partial > 0 ? "; the " + partial + " byte(s) of line " + line + " read before the break are dropped"
                : "; every line before it was read";
    }
}
