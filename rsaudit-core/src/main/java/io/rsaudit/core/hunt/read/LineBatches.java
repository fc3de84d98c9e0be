package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One line-format file parsed on several threads, with exactly the result one thread gives. The file's own thread
 * reads (and inflates) the stream into batches of about {@link #BATCH} bytes cut after a line end, counts their
 * lines, and sends them through its {@link Handoff} to workers that run the {@link LineReader} and a parser of their
 * own over each, into a {@link FileRead} of its own. The file's thread hands each batch's events, counts and
 * problems on to the file in file order. So the sink still gets a file's events from one thread in the order of
 * their lines, and the summary (counts, problems and their order) is the one a single thread gives. A read failure
 * (a truncated gzip member, say) ends the last batch, whose line reader meets it where it would have met it reading
 * the stream.
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
    record Format(Function<FileRead, LineReader.Lines> parser, RecordStart startsRecord) {
    }

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
    /** The lines of the batches sent. */
    private long lines;

    private LineBatches(FileRead file, Format format, Handoff handoff, boolean gzip, int batch, int maxBatch) {
        this.file = file;
        this.format = format;
        this.handoff = handoff;
        this.gzip = gzip;
        this.batch = batch;
        this.maxBatch = maxBatch;
    }

    /**
     * Reads {@code in} into {@code file}, sending its batches through {@code handoff}; when this returns, batches
     * may still be pending there.
     */
    static void read(InputStream in, boolean gzip, FileRead file, Format format, Handoff handoff) {
        read(in, gzip, file, format, handoff, BATCH, MAX_BATCH);
    }

    /** With batch sizes of the caller's (tests cut small files into many batches). */
    static void read(InputStream in, boolean gzip, FileRead file, Format format, Handoff handoff, int batch,
            int maxBatch) {
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
                send(buf, filled, lines, failure);
                return;
            }
            int cut = cut(buf, filled);
            if (cut < 0) {
                if (buf.length >= maxBatch) {
                    // one thread reads on from the last cut, with every batch before it handed on
                    handoff.drain();
                    LineReader.read(in, buf, filled, lines, file.options.maxRecordBytes(), gzip, file::problem,
                            format.parser().apply(file));
                    return;
                }
                buf = Arrays.copyOf(buf, Math.min(maxBatch, buf.length * 2));
                continue;
            }
            // everything read from the batch before it goes: from then on it is the worker's
            byte[] next = bufferFor(filled - cut);
            System.arraycopy(buf, cut, next, 0, filled - cut);
            long first = lines;
            lines += Text.count(buf, 0, cut, (byte) '\n');
            send(buf, cut, first, null);
            buf = next;
            filled -= cut;
        }
    }

    /** Where the last batch-start in {@code buf[0, filled)} is (just after a line end), or -1. */
    private int cut(byte[] buf, int filled) {
        int end = filled;
        for (int nl = Text.lastIndexOf(buf, 0, end, (byte) '\n'); nl >= 0;
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

    private void send(byte[] buf, int length, long firstLine, IOException failure) {
        if (length > 0 || failure != null) {
            handoff.batch(() -> parse(buf, length, firstLine, failure));
        }
    }

    /** On a worker: the lines of one batch, then its read failure if it has one; returns their hand-on. */
    private Runnable parse(byte[] buf, int length, long firstLine, IOException failure) {
        List<Event> events = new ArrayList<>();
        FileRead own = file.batch(events::add);
        LineReader.read(new Rest(failure), buf, length, firstLine, own.options.maxRecordBytes(), gzip, own::problem,
                format.parser().apply(own));
        if (buf.length == batch) {
            handoff.recycle(buf);
        }
        return () -> file.absorb(own, events);
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
