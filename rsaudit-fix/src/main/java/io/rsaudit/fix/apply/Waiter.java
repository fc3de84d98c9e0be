package io.rsaudit.fix.apply;

import io.rsaudit.core.model.ResourceId;
import io.rsaudit.fix.plan.Call;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Waits until a resource a call left busy ({@code modifying}, {@code rebooting}, {@code rotating-keys}...) is available
 * again, so that the next call of its plan, or its verification, does not meet it mid-change: polls its status with
 * a backoff that doubles from {@link Backoff#first} up to {@link Backoff#max}, and gives up once the waits add up to
 * {@link Backoff#timeout}. The time is counted as the sum of the waits, so a run is bounded whatever the clock says;
 * the sleeper is injected so that tests wait for nothing.
 */
public final class Waiter {

    /** The calls after which AWS reports the resource busy until the change is done. */
    static final Set<String> BUSY_AFTER = Set.of(
            "redshift:ModifyCluster",
            "redshift:RebootCluster",
            "redshift:RotateEncryptionKey",
            "redshift-serverless:UpdateWorkgroup",
            "redshift-serverless:UpdateNamespace");

    /**
     * How to poll.
     *
     * @param first the wait after the first poll that finds the resource busy
     * @param max the longest single wait
     * @param timeout the most the waits add up to
     */
    public record Backoff(Duration first, Duration max, Duration timeout) {

        /** 5 s doubling to 1 min, for at most 30 min: a cluster modification takes minutes, a resize much more. */
        public static final Backoff DEFAULT =
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(30));

        public Backoff {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(timeout, "timeout");
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || timeout.isNegative()) {
                throw new IllegalArgumentException(
                        "backoff: first must be positive, max at least first, timeout not negative: " + this);
            }
        }
    }

    /** Waits; {@link #REAL} sleeps the thread. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    /**
     * How a wait ended.
     *
     * @param available whether the resource was available at the last poll
     * @param status the status at the last poll, or {@code null} when it could not be read
     * @param polls how many times the status was read
     * @param waited the sum of the waits
     */
    public record Result(boolean available, String status, int polls, Duration waited) {

        /** "available after 3 polls (15s)", "still modifying after 31 polls (30m)". */
        public String describe() {
            String what = available ? "available" : "still " + (status == null ? "of unknown status" : status);
            return what + " after " + polls + " poll(s) ("
                    + waited.toString().substring(2).toLowerCase(Locale.ROOT) + ")";
        }
    }

    private final StatusReader reader;
    private final Sleeper sleeper;
    private final Backoff backoff;

    public Waiter(StatusReader reader, Sleeper sleeper, Backoff backoff) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Whether AWS reports the resource busy for a while after {@code call}. */
    public static boolean leavesBusy(Call call) {
        return BUSY_AFTER.contains(call.iamAction());
    }

    /** Whether a status means the resource takes calls: {@code available} (any case). */
    static boolean isAvailable(String status) {
        return status != null && status.equalsIgnoreCase("available");
    }

    /** Polls until the resource is available or the waits reach the timeout. */
    public Result await(ResourceId resource) throws InterruptedException {
        Duration waited = Duration.ZERO;
        Duration next = backoff.first();
        int polls = 0;
        while (true) {
            Optional<String> status = reader.status(resource);
            polls++;
            if (status.isPresent() && isAvailable(status.get())) {
                return new Result(true, status.get(), polls, waited);
            }
            Duration left = backoff.timeout().minus(waited);
            if (left.isZero() || left.isNegative()) {
                return new Result(false, status.orElse(null), polls, waited);
            }
            Duration wait = next.compareTo(left) > 0 ? left : next;
            sleeper.sleep(wait);
            waited = waited.plus(wait);
            Duration doubled = next.multipliedBy(2);
            next = doubled.compareTo(backoff.max()) > 0 ? backoff.max() : doubled;
        }
    }
}
