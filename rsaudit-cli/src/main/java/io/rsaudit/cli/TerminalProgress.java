package io.rsaudit.cli;

import io.rsaudit.aws.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The live collection's progress as one line on a terminal's stderr, rewritten in place ({@code \r}) at most four
 * times a second: account-regions done of those known, API calls, failed calls, elapsed time.
 */
final class TerminalProgress implements Progress {

    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private long last;
    private int width;

    TerminalProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong() - INTERVAL_NANOS;
    }

    /** A terminal's progress line, or none when stderr is not a terminal (a pipe, a file, CI). */
    static Progress forStderr(PrintWriter err) {
        return Interactive.terminal() ? new TerminalProgress(err, System::nanoTime) : Progress.NONE;
    }

    @Override
    public synchronized void changed(Status s) {
        long now = nanoTime.getAsLong();
        if (!s.finished() && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        String line = String.format(
                Locale.ROOT,
                "rsaudit: account-regions %d/%d, %d API calls, %d failed, %.1f s",
                s.scopesDone(),
                s.scopesTotal(),
                s.calls(),
                s.errors(),
                s.elapsed().toMillis() / 1000.0);
        String pad = line.length() < width ? " ".repeat(width - line.length()) : "";
        width = line.length();
        err.print("\r" + line + pad + (s.finished() ? "\n" : ""));
        err.flush();
    }
}
