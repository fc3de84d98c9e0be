package io.rsaudit.cli;

import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Passes a run's report through while marking each open result against a previous report: counts the new ones by
 * severity and the unchanged ones; the previous report's results not found again are resolved. With {@code
 * --fail-on-new}, the exit code comes from the new results only.
 *
 * @param <R> a finding or an alert
 */
final class BaselineGate<H, R, S> implements ReportWriter<H, R, S> {

    /** How a result is seen: its fingerprint, whether it is open, whether it counts (not suppressed), its severity. */
    record Terms<R>(
            Function<R, String> fingerprint, Predicate<R> open, Predicate<R> counts, Function<R, Severity> severity) {}

    private final ReportWriter<H, R, S> inner;
    private final Baseline baseline;
    private final Terms<R> terms;
    private final Map<Severity, Long> newBySeverity = new EnumMap<>(Severity.class);
    private long unchanged;

    BaselineGate(ReportWriter<H, R, S> inner, Baseline baseline, Terms<R> terms) {
        this.inner = inner;
        this.baseline = baseline;
        this.terms = terms;
    }

    @Override
    public void header(H header) throws IOException {
        inner.header(header);
    }

    @Override
    public void result(R result) throws IOException {
        if (terms.open().test(result)) {
            Baseline.State state = baseline.mark(terms.fingerprint().apply(result));
            if (state == Baseline.State.UNCHANGED) {
                unchanged++;
            } else if (terms.counts().test(result)) {
                newBySeverity.merge(terms.severity().apply(result), 1L, Long::sum);
            }
        }
        inner.result(result);
    }

    @Override
    public void summary(S summary) throws IOException {
        inner.summary(summary);
    }

    /** New results at or above {@code threshold} ({@code null}: none count). */
    long newAtOrAbove(Severity threshold) {
        if (threshold == null) {
            return 0;
        }
        return newBySeverity.entrySet().stream()
                .filter(e -> e.getKey().atLeast(threshold))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Tells, on {@code err}, what changed since the baseline, and lists what was resolved (at most 20). */
    void tell(PrintWriter err, String what) {
        long added = newBySeverity.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder bySeverity = new StringBuilder();
        for (Severity s : Severity.values()) {
            long n = newBySeverity.getOrDefault(s, 0L);
            if (n > 0) {
                bySeverity
                        .append(bySeverity.length() == 0 ? " (" : ", ")
                        .append(n)
                        .append(' ')
                        .append(s.label());
            }
        }
        if (bySeverity.length() > 0) {
            bySeverity.append(')');
        }
        var resolved = baseline.resolved();
        err.printf(
                "rsaudit: against baseline %s: %d new %s%s, %d unchanged, %d resolved%n",
                Terminal.escape(baseline.file()), added, what, bySeverity, unchanged, resolved.size());
        resolved.stream()
                .limit(20)
                .forEach(e ->
                        err.println("  resolved: " + e.severity().label() + " " + Terminal.escape(e.description())));
        if (resolved.size() > 20) {
            err.println("  ... and " + (resolved.size() - 20) + " more resolved");
        }
    }
}
