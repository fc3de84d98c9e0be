package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.parallel.Futures;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One line-format file parsed on several threads, with exactly the result one thread gives. The file's own thread
 * reads (and inflates) the stream into batches of about {@link #BATCH} bytes cut after a line end, and sends them
 * through its {@link Handoff} to workers that run the {@link LineReader} and a parser of their own over each, into a
 * {@link FileRead} of its own. The file's thread hands each batch's events, counts and problems on to the file in
 * file order.
 *
 * <p>A batch's first line number is the count of the lines before it. With one worker (two cores), the file's
 * thread does not count them: it inflates, and is the slower of the two (counting there cost 7% of the wall time).
 * The worker takes the batches in the order they were sent, and each starts numbering where the batch before it
 * ended ({@link Sent}). Only when the file's thread parses a batch itself, because the worker is behind, does it
 * count the lines of the batches still queued before it, rather than wait for them; it may read their bytes, as
 * only it ever writes into a batch's buffer. With several workers, which parse batches side by side, the file's
 * thread counts each batch's lines as it sends it, so that no worker waits for another.
 *
 * <p>A batch starts only at a line where a record may start ({@link Format#startsRecord}): any line of the
 * connection and user logs, a header of the user activity log. A parser's state therefore never spans two batches.
 * When no record starts for {@link #MAX_BATCH} bytes (a huge or headerless record), the batches before are handed
 * on and the file's thread reads the rest of the file itself, as one thread does.
 */
final class LineBatches {

    static final int BATCH = 256 << 10;
    /** Past this, a batch without a place to cut is no longer held (see the class comment). */
    static final int MAX_BATCH = 4 << 20;

    /**
     * A line format: its parser, reporting to a given file, and whether a record may start at a line (so that a
     * batch may start there).
     */
    record Format(Function<FileRead, LineReader.Lines> parser, RecordStart startsRecord) {}

    /** Whether a record may start at the line that starts at {@code from}; {@code to} may cut the line short. */
    @FunctionalInterface
    interface RecordStart {
        boolean test(byte[] b, int from, int to);
    }

    private final FileRead file;
    private final Format format;
    private final Handoff handoff;
    private final boolean gzip;
    private final int batch;
    private final int maxBatch;
    /** The file's thread: the only one that writes into batch buffers. */
    private final Thread owner = Thread.currentThread();
    /** Whether batches are numbered as they are sent (several workers), not as they are parsed. */
    private final boolean countOnSend;
    /** The last batch sent, or {@code null}. */
    private Sent last;

    private LineBatches(FileRead file, Format format, Handoff handoff, boolean gzip, int batch, int maxBatch) {
        this.file = file;
        this.format = format;
        this.handoff = handoff;
        this.gzip = gzip;
        this.batch = batch;
        this.maxBatch = maxBatch;
        this.countOnSend = !handoff.oneWorker();
    }

    /**
     * Reads {@code in} into {@code file}, sending its batches through {@code handoff}; when this returns, batches
     * may still be pending there.
     */
    static void read(InputStream in, boolean gzip, FileRead file, Format format, Handoff handoff) {
        read(in, gzip, file, format, handoff, BATCH, MAX_BATCH);
    }

    /** With batch sizes of the caller's (tests cut small files into many batches). */
    static void read(
            InputStream in, boolean gzip, FileRead file, Format format, Handoff handoff, int batch, int maxBatch) {
        new LineBatches(file, format, handoff, gzip, batch, maxBatch).run(in);
    }

    private void run(InputStream in) {
        byte[] buf = new byte[batch];
        int filled = 0;
        while (true) {
            IOException failure = null;
            boolean end = false;
            try {
                while (filled < buf.length) {
                    int n = in.read(buf, filled, buf.length - filled);
                    if (n < 0) {
                        end = true;
                        break;
                    }
                    filled += n;
                }
            } catch (IOException e) {
                failure = e;
            }
            if (end || failure != null) {
                send(buf, filled, failure);
                return;
            }
            int cut = cut(buf, filled);
            if (cut < 0) {
                if (buf.length >= maxBatch) {
                    // one thread reads on from the last cut, with every batch before it handed on
                    handoff.drain();
                    long before = last == null ? 0 : end(last);
                    LineReader.read(
                            in,
                            buf,
                            filled,
                            before,
                            file.options.maxRecordBytes(),
                            gzip,
                            file::problem,
                            format.parser().apply(file));
                    return;
                }
                buf = Arrays.copyOf(buf, Math.min(maxBatch, buf.length * 2));
                continue;
            }
            // everything read from the batch before it goes: from then on it is the worker's
            byte[] next = bufferFor(filled - cut);
            System.arraycopy(buf, cut, next, 0, filled - cut);
            send(buf, cut, null);
            buf = next;
            filled -= cut;
        }
    }

    /** Where the last batch-start in {@code buf[0, filled)} is (just after a line end), or -1. */
    private int cut(byte[] buf, int filled) {
        int end = filled;
        for (int nl = Text.lastIndexOf(buf, 0, end, (byte) '\n');
                nl >= 0;
                nl = Text.lastIndexOf(buf, 0, nl, (byte) '\n')) {
            if (nl + 1 < filled && format.startsRecord().test(buf, nl + 1, end)) {
                return nl + 1;
            }
            end = nl;
        }
        return -1;
    }

    private byte[] bufferFor(int tail) {
        byte[] b = handoff.freeBuffer(tail + 1);
        return b != null ? b : new byte[Math.max(batch, tail + batch / 2)];
    }

    private void send(byte[] buf, int length, IOException failure) {
        if (length > 0 || failure != null) {
            Sent s = new Sent(buf, length, last);
            last = s;
            if (countOnSend) {
                end(s);
            }
            handoff.batch(() -> parse(s, failure));
        }
    }

    /** On a worker: the lines of one batch, then its read failure if it has one; returns their hand-on. */
    private Runnable parse(Sent s, IOException failure) {
        List<Event> events = new ArrayList<>();
        FileRead own = file.batch(events::add);
        try {
            s.end.complete(LineReader.read(
                    new Rest(failure),
                    s.buf,
                    s.length,
                    before(s),
                    own.options.maxRecordBytes(),
                    gzip,
                    own::problem,
                    format.parser().apply(own)));
        } catch (RuntimeException | Error e) {
            s.end.completeExceptionally(e);
            throw e;
        }
        if (s.buf.length == batch) {
            handoff.recycle(s.buf);
        }
        return () -> file.absorb(own, events);
    }

    /** The number of the line before batch {@code s}: where the batch before it ends. */
    private long before(Sent s) {
        Sent prev = s.prev; // read before 'before': prev is cleared only once 'before' is set
        long before = s.before;
        if (before < 0) {
            before = end(prev);
            s.before = before;
            s.prev = null;
        }
        return before;
    }

    /**
     * The number of batch {@code s}'s last line: from its parse, or, on the file's thread when the parse has not
     * ended, counted here (a batch ends with its last line's end).
     */
    private long end(Sent s) {
        if (!s.end.isDone() && Thread.currentThread() == owner) {
            s.end.complete(before(s) + Text.count(s.buf, 0, s.length, (byte) '\n'));
        }
        return Futures.await(s.end, "numbering lines");
    }

    /**
     * A batch sent to be parsed: its bytes, the batch before it until its first line number is known, and the
     * number of its last line once known (from its parse, or counted: the same but for a file's last batch, which
     * may end without a line end and has no batch after it).
     */
    private static final class Sent {
        final byte[] buf;
        final int length;
        final CompletableFuture<Long> end = new CompletableFuture<>();
        volatile Sent prev;
        volatile long before;

        Sent(byte[] buf, int length, Sent prev) {
            this.buf = buf;
            this.length = length;
            this.prev = prev;
            this.before = prev == null ? 0 : -1;
        }
    }

    /** What a batch's line reader reads after the batch: the end, or the failure that ended the stream there. */
    private static final class Rest extends InputStream {
        private final IOException failure;

        Rest(IOException failure) {
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            return read(new byte[1], 0, 1);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            return -1;
        }
    }
}
