package io.rsaudit.core.hunt.read;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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

        /**
         * A line of {@code length} bytes (without its line end) over the maximum, reported at its end;
         * {@code buf[from, to)} is its start.
         */
        void oversized(byte[] buf, int from, int to, long lineNo, long length);

        /** Called once, after the last line (also after a read error). */
        void end(long lastLineNo);
    }

    /** Where a read failure is reported: the file, or the batch its lines are parsed in. */
    @FunctionalInterface
    interface Failures {
        void failed(long line, ReadProblem.Kind kind, String message);
    }

    private static final int INITIAL = 1 << 18;
    /** The start of a line over the maximum that is handed over with it. */
    private static final int HEAD = 256;

    private LineReader() {}

    static void read(InputStream in, int maxLine, boolean gzip, Failures failures, Lines lines) {
        read(in, new byte[Math.min(INITIAL, maxLine + 2)], 0, 0, maxLine, gzip, failures, lines);
    }

    /**
     * Reads the lines of {@code buf[0, filled)} and then of {@code in}, numbering them from {@code lineBefore + 1};
     * {@code buf[0]} must start a line. The buffer is the reader's from now on. Returns the last line's number.
     */
    static long read(
            InputStream in,
            byte[] buf,
            int filled,
            long lineBefore,
            int maxLine,
            boolean gzip,
            Failures failures,
            Lines lines) {
        int start = 0;
        int limit = filled;
        int scan = 0;
        long lineNo = lineBefore;
        // a line over the maximum is reported at its end, with its length, from the start kept here
        byte[] head = null;
        int headLength = 0;
        long skipping = -1;
        boolean lastWasCr = false;
        try {
            while (true) {
                int nl = Text.indexOfByte(buf, scan, limit, (byte) '\n');
                if (nl >= 0) {
                    lineNo++;
                    boolean cr = nl > start ? buf[nl - 1] == '\r' : lastWasCr && skipping >= 0;
                    if (skipping >= 0) {
                        lines.oversized(head, 0, headLength, lineNo, skipping + nl - start - (cr ? 1 : 0));
                        skipping = -1;
                    } else {
                        hand(lines, buf, start, cr ? nl - 1 : nl, lineNo, maxLine);
                    }
                    start = nl + 1;
                    scan = start;
                    continue;
                }
                if (skipping >= 0) {
                    skipping += limit - start;
                    lastWasCr = limit > start ? buf[limit - 1] == '\r' : lastWasCr;
                    start = 0;
                    limit = 0;
                } else if (limit - start > maxLine) {
                    headLength = Math.min(limit - start, HEAD);
                    head = Arrays.copyOfRange(buf, start, start + headLength);
                    skipping = limit - start;
                    lastWasCr = buf[limit - 1] == '\r';
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
                    if (skipping >= 0) {
                        lineNo++;
                        lines.oversized(head, 0, headLength, lineNo, skipping - (lastWasCr ? 1 : 0));
                    } else if (limit > start) {
                        lineNo++;
                        hand(lines, buf, start, buf[limit - 1] == '\r' ? limit - 1 : limit, lineNo, maxLine);
                    }
                    break;
                }
                limit += n;
            }
        } catch (EOFException | ZipException e) {
            endSkipped(lines, head, headLength, skipping, lineNo);
            broken(failures, lineNo + 1, limit - start, gzip, e);
        } catch (IOException e) {
            endSkipped(lines, head, headLength, skipping, lineNo);
            failures.failed(
                    lineNo + 1,
                    ReadProblem.Kind.UNREADABLE,
                    "read failed: " + e.getMessage() + lost(limit - start, lineNo + 1));
        }
        lines.end(lineNo);
        return lineNo;
    }

    /** A line over the maximum that a failure cut short is still reported, with the bytes read of it. */
    private static void endSkipped(Lines lines, byte[] head, int headLength, long skipping, long lineNo) {
        if (skipping >= 0) {
            lines.oversized(head, 0, headLength, lineNo + 1, skipping);
        }
    }

    /** A whole line, or its start when it is over the maximum (a last line without '\n' can be). */
    private static void hand(Lines lines, byte[] buf, int start, int end, long lineNo, int maxLine) {
        if (end - start > maxLine) {
            lines.oversized(buf, start, Math.min(end, start + HEAD), lineNo, end - start);
        } else {
            lines.line(buf, start, end, lineNo);
        }
    }

    private static void broken(Failures failures, long line, int partial, boolean gzip, IOException e) {
        if (gzip) {
            failures.failed(
                    line,
                    ReadProblem.Kind.TRUNCATED_GZIP,
                    (e instanceof EOFException
                                    ? "truncated gzip stream"
                                    : "corrupt gzip stream (" + e.getMessage() + ")")
                            + lost(partial, line));
        } else {
            failures.failed(line, ReadProblem.Kind.UNREADABLE, "read failed: " + e.getMessage() + lost(partial, line));
        }
    }

    private static String lost(int partial, long line) {
        return partial > 0
                ? "; the " + partial + " byte(s) of line " + line + " read before the break are dropped"
                : "; every line before it was read";
    }
}
