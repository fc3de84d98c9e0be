package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.aws.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final StringWriter out = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(out), now::get);

    @Test
    void oneLineRewrittenInPlaceAtMostFourTimesASecondAndEndedWhenFinished() {
        progress.changed(status(0, 85, 120, 0, 1500, false));
        now.addAndGet(100_000_000L); // 0.1 s later: not shown
        progress.changed(status(3, 85, 160, 1, 1600, false));
        now.addAndGet(200_000_000L); // 0.3 s after the first: shown
        progress.changed(status(7, 85, 210, 1, 1800, false));
        now.addAndGet(1_000_000L); // finished: always shown, and the line ends
        progress.changed(status(85, 85, 2682, 1, 2100, true));

        assertThat(out.toString())
                .isEqualTo("\rrsaudit: account-regions 0/85, 120 API calls, 0 failed, 1.5 s"
                        + "\rrsaudit: account-regions 7/85, 210 API calls, 1 failed, 1.8 s"
                        + "\rrsaudit: account-regions 85/85, 2682 API calls, 1 failed, 2.1 s\n");
    }

    @Test
    void aShorterLineBlanksWhatTheLongerOneLeft() {
        progress.changed(status(10, 100, 12345, 0, 1000, false));
        now.addAndGet(300_000_000L);
        progress.changed(status(1, 2, 3, 0, 1000, true));

        String second = out.toString().substring(out.toString().lastIndexOf('\r'));
        assertThat(second)
                .isEqualTo("\rrsaudit: account-regions 1/2, 3 API calls, 0 failed, 1.0 s" + " ".repeat(7) + "\n");
    }

    private static Progress.Status status(int done, int total, long calls, long errors, long millis, boolean finished) {
        return new Progress.Status(done, total, calls, errors, Duration.ofMillis(millis), finished);
    }
}
