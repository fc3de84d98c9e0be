package io.rsaudit.aws;

import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs blocking API calls on a bounded pool: at most {@code concurrency} calls in flight over everything, and at most
 * a lane's limit within one lane (one account-region), so one busy region cannot starve the others nor draw
 * throttling on itself. A task starts as soon as it is submitted and a place is free: dependent calls are submitted
 * the moment their input is known.
 *
 * <p>When places are short, lists go before per-resource calls (each kind in the order submitted): a list starts a
 * chain (its pages, then the calls for what it names), a per-resource call mostly ends one, so the longest chains,
 * which bound the collection's wall time, do not wait behind the leaves of others.
 */
final class Scheduler implements AutoCloseable {

    /** Which calls go first when places are short. */
    enum Order {
        /** A region's or account's list (and what precedes them): the start of a chain. */
        LIST,
        /** A call for one resource a list named. */
        PER_RESOURCE
    }

    private final ThreadPoolExecutor pool;
    private final Consumer<Throwable> failures;
    private final AtomicLong submitted = new AtomicLong();

    /** @param failures told of every exception a task throws (the task's own future fails too) */
    Scheduler(int concurrency, Consumer<Throwable> failures) {
        this.failures = failures;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "rsaudit-aws-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(
                concurrency, concurrency, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), threads);
    }

    Lane lane(int limit) {
        return new Lane(limit);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The tasks of one account-region, and when they are all done. Tasks may submit further tasks; the lane is done
     * when {@link #seal()} was called and no task is queued or running.
     */
    final class Lane {

        private final int limit;
        private final Queue<Task> queue = new PriorityQueue<>();
        private int running;
        /** Queued plus running tasks, plus one until sealed. */
        private final AtomicInteger open = new AtomicInteger(1);

        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private Lane(int limit) {
            this.limit = limit;
        }

        /**
         * Runs {@code task} when a place is free. The returned future completes (with the result, or the exception
         * the task threw) before the lane can count as done, so whatever it triggers is submitted in time.
         */
        <T> CompletableFuture<T> submit(Order order, Callable<T> task) {
            CompletableFuture<T> result = new CompletableFuture<>();
            open.incrementAndGet();
            Task run = new Task(order, submitted.getAndIncrement(), () -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    failures.accept(e);
                    result.completeExceptionally(e);
                } finally {
                    finished();
                }
            });
            boolean start;
            synchronized (this) {
                start = running < limit;
                if (start) {
                    running++;
                } else {
                    queue.add(run);
                }
            }
            if (start) {
                pool.execute(run);
            }
            return result;
        }

        private void finished() {
            Task next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running--;
                }
            }
            if (next != null) {
                pool.execute(next);
            }
            release();
        }

        /** No more tasks are submitted from outside the lane's own tasks. */
        void seal() {
            release();
        }

        private void release() {
            if (open.decrementAndGet() == 0) {
                done.complete(null);
            }
        }

        CompletableFuture<Void> done() {
            return done;
        }
    }

    /** A task with its place in line: its order first, then when it was submitted. */
    private record Task(Order order, long seq, Runnable body) implements Runnable, Comparable<Task> {

        @Override
        public void run() {
            body.run();
        }

        @Override
        public int compareTo(Task o) {
            int c = order.compareTo(o.order);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
