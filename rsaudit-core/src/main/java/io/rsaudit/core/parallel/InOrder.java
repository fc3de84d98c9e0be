package io.rsaudit.core.parallel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps items on all cores and hands the results to the calling thread in the items' order, a bounded number ahead so
 * that memory does not grow with the number of items. On one core it maps on the calling thread. The mapping must be
 * safe to run on several threads at once; what it throws (unchecked) is thrown to the caller, after which no further
 * result is handed on.
 */
public final class InOrder {

    /** What is done with each result, on the calling thread. */
    @FunctionalInterface
    public interface Then<R, X extends Exception> {
        void accept(R result) throws X;
    }

    /** Results mapped ahead of the one handed on, per core. */
    private static final int AHEAD = 4;

    private InOrder() {}

    /**
     * Maps each of {@code items} with {@code map} and hands the results to {@code then} in order.
     *
     * @param name the name of the worker threads (thread dumps and profiles show it)
     */
    public static <T, R, X extends Exception> void map(
            List<T> items, Function<? super T, ? extends R> map, String name, Then<? super R, X> then) throws X {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads < 2 || items.size() < 2) {
            for (T item : items) {
                then.accept(map.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<R>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int handed = 0; handed < items.size(); handed++) {
                while (next < items.size() && ahead.size() < AHEAD * threads) {
                    T item = items.get(next++);
                    ahead.add(pool.submit(() -> map.apply(item)));
                }
                then.accept(await(ahead.remove()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a result", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
