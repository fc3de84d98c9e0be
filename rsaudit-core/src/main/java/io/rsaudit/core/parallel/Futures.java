package io.rsaudit.core.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on the calling thread for what a worker does. */
public final class Futures {

    private Futures() {}

    /**
     * The task's result. What it threw is rethrown here as it was (an unchecked exception or an error: a sink's
     * failure, a bug), anything else wrapped; an interrupt becomes an unchecked exception that says what was {@code
     * doing}, with the thread's interrupt status kept.
     */
    public static <T> T await(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
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
