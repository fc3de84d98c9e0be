package io.rsaudit.core.hunt.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A decompressing stream read on a thread of its own, ahead of its reader: the thread fills a few reusable buffers
 * while the reader parses the one before, so inflating and parsing a gzip file take two cores instead of adding up
 * on one. The reader sees exactly the bytes, and then exactly the failure ({@link java.io.EOFException} of a
 * truncated member, {@link java.util.zip.ZipException} of corrupt data, any other {@link IOException}), that reading
 * the stream itself would have given, so line numbers and problems do not depend on the thread.
 *
 * <p>Memory is bounded: {@link #CHUNKS} buffers of {@link #CHUNK} bytes, allocated once per stream. The thread is a
 * daemon and ends at the stream's end, at its failure, or when {@link #close} is called; close waits for it, so
 * the source is no longer read once close returns and may be closed by its owner (this class does not close it).
 */
final class InflateAhead extends InputStream {

    static final int CHUNK = 256 << 10;
    static final int CHUNKS = 3;
    static final String THREAD_NAME = "rsaudit-inflate";

    /** Filled bytes, or the end ({@code length} -1), or the failure after the last bytes. */
    private record Chunk(byte[] buf, int length, Throwable failure) {
    }

    private static final Chunk END = new Chunk(null, -1, null);

    private final InputStream source;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    /** Room for every buffer and the end or failure after them, so the thread never waits to hand one over. */
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread thread;
    private volatile boolean closed;

    // the reader's side
    private Chunk current;
    private int pos;
    private Chunk last;

    /** Starts inflating {@code source} (a gzip stream whose header has been read) on a new daemon thread. */
    InflateAhead(InputStream source) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        thread = new Thread(this::fill, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** The thread: fills a free buffer whole (or to the end, or to the failure) and hands it over, until done. */
    private void fill() {
        try {
            while (!closed) {
                byte[] buf = free.take();
                int n = 0;
                Throwable failure = null;
                boolean end = false;
                try {
                    while (n < buf.length && !closed) {
                        int r = source.read(buf, n, buf.length - n);
                        if (r < 0) {
                            end = true;
                            break;
                        }
                        n += r;
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
                if (n > 0) {
                    full.add(new Chunk(buf, n, null));
                } else {
                    free.add(buf);
                }
                if (failure != null) {
                    full.add(new Chunk(null, -1, failure));
                    return;
                }
                if (end) {
                    full.add(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // only close interrupts, and only when the reader itself was interrupted; the end is then not needed
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || pos == current.length) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current.buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Moves to the next filled buffer: false at the end; throws the failure where the source threw it. */
    private boolean next() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (current != null) {
            free.add(current.buf);
            current = null;
        }
        if (last == null) {
            Chunk c;
            try {
                c = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the inflating thread");
            }
            if (c.length > 0) {
                current = c;
                pos = 0;
                return true;
            }
            last = c;
        }
        Throwable failure = last.failure;
        if (failure == null) {
            return false;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException(failure));
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - pos;
    }

    /**
     * Stops the thread and waits for it to end: it finishes the read it is in (buffers are handed back so that it
     * never waits for one) and reads no more. Does not close the source.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = Thread.interrupted();
        if (interrupted) {
            // the reader is being cancelled: do not wait for a read that may block
            thread.interrupt();
        }
        Chunk c;
        while ((c = full.poll()) != null) {
            if (c.buf != null) {
                free.offer(c.buf);
            }
        }
        if (current != null) {
            free.offer(current.buf);
            current = null;
        }
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the inflating thread is still running (for tests: it must not outlive close or the end). */
    boolean threadAlive() {
        return thread.isAlive();
    }
}
