package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One line-format file parsed on several threads, with exactly the result one thread gives. The file's own thread
 * reads (and inflates) the stream into batches of about {@link #BATCH} bytes cut after a line end, and counts
 * their lines; workers run the {@link LineReader} and a parser of their own over each batch, into a
 * {@link FileRead} of its own; the file's thread then hands each batch's events, counts and problems on to the file
 * in file order. So the sink still gets a file's events from one thread in the order of their lines, and the
 * summary (counts, problems and their order) is the one a single thread gives. A read failure (a truncated gzip
 * member, say) ends the last batch, whose line reader meets it where it would have met it reading the stream.
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
    /** Batches read ahead of the oldest one not yet handed on: bounds the memory to a few MiB a file. */
    static final int IN_FLIGHT = 6;

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
    private final Executor workers;
    private final boolean gzip;
    private final int batch;
    private final int maxBatch;
    private final ArrayDeque<Future<Parsed>> pending = new ArrayDeque<>();
    /** Batch buffers of the usual size, handed back by the workers. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);

    private LineBatches(FileRead file, Format format, Executor workers, boolean gzip, int batch, int maxBatch) {
        this.file = file;
        this.format = format;
        this.workers = workers;
        this.gzip = gzip;
        this.batch = batch;
        this.maxBatch = maxBatch;
    }

    /** Reads {@code in} into {@code file}, parsing its batches on {@code workers}. */
    static void read(InputStream in, boolean gzip, FileRead file, Format format, Executor workers) {
        read(in, gzip, file, format, workers, BATCH, MAX_BATCH);
    }

    /** With batch sizes of the caller's (tests cut small files into many batches). */
    static void read(InputStream in, boolean gzip, FileRead file, Format format, Executor workers, int batch,
            int maxBatch) {
        new LineBatches(file, format, workers, gzip, batch, maxBatch).run(in);
    }

    private void run(InputStream in) {
        byte[] buf = new byte[batch];
        int filled = 0;
        long lines = 0;
        try {
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
                    submit(buf, filled, lines, failure);
                    drain();
                    return;
                }
                int cut = cut(buf, filled);
                if (cut < 0) {
                    if (buf.length >= maxBatch) {
                        // one thread reads on from the last cut, with every batch before it handed on
                        drain();
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
                submit(buf, cut, first, null);
                buf = next;
                filled -= cut;
            }
        } catch (RuntimeException | Error e) {
            // the sink or a parser threw: what is still being parsed is not wanted
            pending.forEach(f -> f.cancel(true));
            pending.clear();
            throw e;
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
        byte[] b = free.poll();
        return b != null && b.length > tail ? b : new byte[Math.max(batch, tail + batch / 2)];
    }

    private void submit(byte[] buf, int length, long firstLine, IOException failure) {
        if (length == 0 && failure == null) {
            return;
        }
        pending.add(CompletableFuture.supplyAsync(() -> parse(buf, length, firstLine, failure), workers));
        while (pending.size() > IN_FLIGHT) {
            hand(LogReader.await(pending.poll(), "parsing a file"));
        }
    }

    /** On a worker: the lines of one batch, then its read failure if it has one. */
    private Parsed parse(byte[] buf, int length, long firstLine, IOException failure) {
        List<Event> events = new ArrayList<>();
        FileRead own = file.batch(events::add);
        LineReader.read(new Rest(failure), buf, length, firstLine, own.options.maxRecordBytes(), gzip, own::problem,
                format.parser().apply(own));
        if (buf.length == batch) {
            free.offer(buf);
        }
        return new Parsed(own, events);
    }

    private void drain() {
        while (!pending.isEmpty()) {
            hand(LogReader.await(pending.poll(), "parsing a file"));
        }
    }

    private void hand(Parsed p) {
        file.absorb(p.file, p.events);
    }

    /** A batch's result: its own file (counts, problems) and its events, in order. */
    private record Parsed(FileRead file, List<Event> events) {
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
