package io.rsaudit.core.parallel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps items on all cores and hands the results to the calling thread in the items' order, a bounded number ahead so
 * that memory does not grow with the number of items. On one core it maps on the calling thread.
 *
 * <p>The mapping runs on a pool shared by every {@code InOrder} of the process (daemon threads, one per core), so it
 * must be safe to run on several threads at once and must never wait for another {@code InOrder}; only the calling
 * thread waits. What the mapping throws (unchecked) is thrown to the caller from {@link #add} or {@link #finish},
 * after which nothing more is handed on. One instance is used by one thread.
 *
 * @param <T> an item
 * @param <R> its result
 * @param <X> what handing a result on may throw
 */
public final class InOrder<T, R, X extends Exception> {

    /** What is done with each result, on the calling thread. */
    @FunctionalInterface
    public interface Then<R, X extends Exception> {
        void accept(R result) throws X;
    }

    /** Results mapped ahead of the one handed on, per core. */
    private static final int AHEAD = 4;

    private final Function<? super T, ? extends R> map;
    private final Then<? super R, X> then;
    private final ExecutorService pool;
    private final int window;
    private final Deque<Future<R>> ahead = new ArrayDeque<>();

    public InOrder(Function<? super T, ? extends R> map, Then<? super R, X> then) {
        this.map = map;
        this.then = then;
        int cores = Runtime.getRuntime().availableProcessors();
        this.pool = cores < 2 ? null : Pool.WORKERS;
        this.window = AHEAD * cores;
    }

    /** Maps each of {@code items} and hands the results to {@code then} in order, all before returning. */
    public static <T, R, X extends Exception> void map(
            List<T> items, Function<? super T, ? extends R> map, Then<? super R, X> then) throws X {
        InOrder<T, R, X> inOrder = new InOrder<>(map, then);
        for (T item : items) {
            inOrder.add(item);
        }
        inOrder.finish();
    }

    /** Maps {@code item}, handing on the results that are due (on one core: its own). */
    public void add(T item) throws X {
        if (pool == null) {
            then.accept(map.apply(item));
            return;
        }
        ahead.add(pool.submit(() -> map.apply(item)));
        while (ahead.size() > window || (!ahead.isEmpty() && ahead.peek().isDone())) {
            then.accept(await(ahead.remove()));
        }
    }

    /** Hands on every result not handed on yet. */
    public void finish() throws X {
        while (!ahead.isEmpty()) {
            then.accept(await(ahead.remove()));
        }
    }

    private R await(Future<R> result) {
        try {
            return Futures.await(result, "waiting for a result");
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        }
    }

    private void cancel() {
        ahead.forEach(f -> f.cancel(true));
        ahead.clear();
    }

    /** The workers, made on first use and kept for the process. */
    private static final class Pool {
        static final ExecutorService WORKERS =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "rsaudit-worker");
                    t.setDaemon(true);
                    return t;
                });
    }
}
