package io.rsaudit.core.report;

import io.rsaudit.core.check.Finding;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.run.Hunt;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntInput;
import io.rsaudit.core.hunt.run.HuntListener;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.scan.Scan;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanInput;
import io.rsaudit.core.scan.ScanListener;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scan or a hunt straight into a {@link ReportWriter}: the header, each result as the service makes it, then
 * the summary. What the writer throws ends the run and is thrown from here.
 */
public final class Reports {

    /** A run's header and summary, once its report is written. */
    public record Done<H, S>(H header, S summary) {}

    private Reports() {}

    public static Done<ScanHeader, ScanSummary> scan(
            Scan scan, ScanInput input, Severity failOn, ReportWriter<ScanHeader, Finding, ScanSummary> writer)
            throws IOException {
        try {
            List<ScanHeader> header = new ArrayList<>(1);
            ScanSummary summary = scan.run(input, failOn, new ScanListener() {
                @Override
                public void started(ScanHeader h) {
                    header.add(h);
                    io(() -> writer.header(h));
                }

                @Override
                public void finding(Finding finding) {
                    io(() -> writer.result(finding));
                }
            });
            writer.summary(summary);
            return new Done<>(header.get(0), summary);
        } catch (WriteFailed e) {
            throw e.cause;
        }
    }

    public static Done<HuntHeader, HuntSummary> hunt(
            Hunt hunt,
            HuntInput input,
            ReadOptions options,
            Severity failOn,
            ReportWriter<HuntHeader, Alert, HuntSummary> writer)
            throws IOException {
        try {
            List<HuntHeader> header = new ArrayList<>(1);
            HuntSummary summary = hunt.run(input, options, failOn, new HuntListener() {
                @Override
                public void started(HuntHeader h) {
                    header.add(h);
                    io(() -> writer.header(h));
                }

                @Override
                public void alert(Alert alert) {
                    io(() -> writer.result(alert));
                }
            });
            writer.summary(summary);
            return new Done<>(header.get(0), summary);
        } catch (WriteFailed e) {
            throw e.cause;
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    /** A writer's failure, carried out of a listener (whose methods throw no checked exception). */
    private static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient IOException cause;

        WriteFailed(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static void io(Io step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }
}
