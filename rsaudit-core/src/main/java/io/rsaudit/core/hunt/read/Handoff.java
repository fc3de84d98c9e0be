package io.rsaudit.core.hunt.read;

import io.rsaudit.core.parallel.Futures;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * What one reading thread has sent to the file workers and not yet handed on, over all the files it reads in turn:
 * batches of lines being parsed ({@link LineBatches}), whole CloudTrail files being read, and the ends of files
 * behind them. Each is handed on, on this thread, in the order it was sent; a file's end waits its turn behind the
 * file's last batch. So a thread that reads files one after another inflates the next file while the workers finish
 * the last one, instead of waiting for them at every file's end; each file still gets its batches in order, and the
 * sink a file's events in order (events of consecutive files may interleave, and a CloudTrail file's come from the
 * worker that reads it, as the sink's contract allows).
 *
 * <p>Not thread-safe: one reading thread owns it. Whoever owns it must {@link #drain} it before using what the
 * files counted, and {@link #abort} it when reading stops on an exception.
 */
final class Handoff {

    /** Tasks sent ahead of the oldest one not yet handed on: bounds the memory to a few MiB a reading thread. */
    static final int IN_FLIGHT = 6;

    private final ThreadPoolExecutor workers;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private int batches;
    /** Batch buffers of the usual size, handed back by the workers. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);

    Handoff(ThreadPoolExecutor workers) {
        this.workers = workers;
    }

    /** Whether there is one worker, which then parses the batches it takes in the order they were sent. */
    boolean oneWorker() {
        return workers.getMaximumPoolSize() == 1;
    }

    /** Sends {@code parse} to the workers; what it returns is run here, in turn. */
    void batch(Supplier<Runnable> parse) {
        pending.add(new Pending(CompletableFuture.supplyAsync(parse, workers), true));
        batches++;
        while (batches > IN_FLIGHT) {
            handOne();
        }
    }

    /** Runs {@code step} once everything sent so far has been handed on: now, when nothing is pending. */
    void then(Runnable step) {
        if (pending.isEmpty()) {
            step.run();
        } else {
            pending.add(new Pending(CompletableFuture.completedFuture(step), false));
        }
    }

    /** Hands on everything sent. */
    void drain() {
        while (!pending.isEmpty()) {
            handOne();
        }
    }

    /** Drops everything pending: reading stopped on an exception, so nothing more is handed on. */
    void abort() {
        pending.forEach(p -> p.result.cancel(true));
        pending.clear();
        batches = 0;
    }

    /** A buffer of at least {@code size} bytes that no batch uses any more, when one is free; else {@code null}. */
    byte[] freeBuffer(int size) {
        byte[] b = free.poll();
        return b != null && b.length >= size ? b : null;
    }

    /** Called by a worker with a batch's buffer once nothing reads it. */
    void recycle(byte[] buffer) {
        free.offer(buffer);
    }

    private void handOne() {
        Pending p = pending.poll();
        if (p.batch) {
            batches--;
        }
        Futures.await(p.result, "parsing a file").run();
    }

    private record Pending(CompletableFuture<Runnable> result, boolean batch) {}
}
