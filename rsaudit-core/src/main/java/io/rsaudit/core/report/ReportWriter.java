package io.rsaudit.core.report;

import java.io.IOException;
import java.util.List;

/**
 * Writes one run's report in one format as the run produces it: the header once, then each result, then the summary
 * once. A writer keeps only what its format must hold back (a person's text report groups and sorts; a JSON report
 * writes each result as it comes), so that a run's memory does not grow with its results. The caller owns the
 * {@link java.io.Writer} behind it; a writer flushes it after the summary and never closes it.
 *
 * @param <H> the header: {@link io.rsaudit.core.scan.ScanHeader} or {@link io.rsaudit.core.hunt.run.HuntHeader}
 * @param <R> one result: a scan's {@link io.rsaudit.core.check.Finding} or a hunt's {@link
 *     io.rsaudit.core.hunt.engine.Alert}
 * @param <S> the summary: {@link io.rsaudit.core.scan.ScanSummary} or {@link io.rsaudit.core.hunt.run.HuntSummary}
 */
public interface ReportWriter<H, R, S> {

    void header(H header) throws IOException;

    void result(R result) throws IOException;

    void summary(S summary) throws IOException;

    /** One writer that hands everything to each of {@code writers}, in order. */
    static <H, R, S> ReportWriter<H, R, S> all(List<? extends ReportWriter<H, R, S>> writers) {
        List<ReportWriter<H, R, S>> each = List.copyOf(writers);
        if (each.size() == 1) {
            return each.get(0);
        }
        return new ReportWriter<>() {
            @Override
            public void header(H header) throws IOException {
                for (ReportWriter<H, R, S> w : each) {
                    w.header(header);
                }
            }

            @Override
            public void result(R result) throws IOException {
                for (ReportWriter<H, R, S> w : each) {
                    w.result(result);
                }
            }

            @Override
            public void summary(S summary) throws IOException {
                for (ReportWriter<H, R, S> w : each) {
                    w.summary(summary);
                }
            }
        };
    }
}
