package io.rsaudit.aws;

import java.time.Duration;

/** Told how a live collection advances. Called from many threads, often: implementations throttle themselves. */
@FunctionalInterface
public interface Progress {

    /** Tells no one. */
    Progress NONE = s -> {};

    void changed(Status status);

    /**
     * Where the collection stands.
     *
     * @param scopesDone account-regions whose every call has answered
     * @param scopesTotal account-regions known so far (grows while account region lists arrive)
     * @param calls API calls made (each page is one)
     * @param errors calls that failed after their retries, each an {@code .error} file
     */
    record Status(int scopesDone, int scopesTotal, long calls, long errors, Duration elapsed, boolean finished) {}
}
