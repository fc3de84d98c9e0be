package io.rsaudit.cli;

import io.rsaudit.aws.Progress;
import java.io.PrintWriter;

/**
 * The live collection's progress as one line on a terminal's stderr, rewritten in place ({@code \r}) at most four
 * times a second: account-regions done of those known, API calls, failed calls, elapsed time.
 */
final class TerminalProgress implements Progress {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private long last = System.nanoTime() - INTERVAL_NANOS;
    private int width;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A terminal's progress line, or none when stderr is not a terminal (a pipe, a file, CI). */
    static Progress forStderr(PrintWriter err) {
        return System.console() != null ? new TerminalProgress(err) : Progress.NONE;
    }

    @Override
    public synchronized void changed(Status s) {
        long now = System.nanoTime();
        if (!s.finished() && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        String line = String.format("rsaudit: account-regions %d/%d, %d API calls, %d failed, %.1f s",
                s.scopesDone(), s.scopesTotal(), s.calls(), s.errors(), s.elapsed().toMillis() / 1000.0);
        String pad = line.length() < width ? " ".repeat(width - line.length()) : "";
        width = line.length();
        err.print("\r" + line + pad + (s.finished() ? "\n" : ""));
        err.flush();
    }
}
