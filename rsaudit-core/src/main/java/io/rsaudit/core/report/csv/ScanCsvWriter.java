package io.rsaudit.core.report.csv;

import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row per finding, every outcome: {@link #COLUMNS}. {@code compliance} lists the compliance ids of the check
 * separated by spaces, {@code suppressed} the suppression's reason (empty when none), {@code first_seen} the start of
 * this scan, {@code fingerprint} the finding's stable id, {@code baseline} whether a failing or unknown finding was in
 * the previous report ({@code new}, {@code unchanged}; empty without {@code --baseline}).
 */
public final class ScanCsvWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    public static final List<String> COLUMNS = List.of(
            "account",
            "region",
            "resource_type",
            "arn",
            "check",
            "title",
            "severity",
            "outcome",
            "message",
            "evidence",
            "fix",
            "compliance",
            "suppressed",
            "first_seen",
            "fingerprint",
            "baseline");

    private final Writer out;
    private final Baseline baseline;
    private CsvRows rows;
    private String startedAt;

    public ScanCsvWriter(Writer out) {
        this(out, null);
    }

    /** @param baseline the previous report, or {@code null}: {@code baseline} is then empty */
    public ScanCsvWriter(Writer out, Baseline baseline) {
        this.out = out;
        this.baseline = baseline;
    }

    @Override
    public void header(ScanHeader header) throws IOException {
        rows = new CsvRows(out, COLUMNS);
        startedAt = header.startedAt().toString();
    }

    @Override
    public void result(Finding f) throws IOException {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(f.resource().scope().account());
        row.add(f.resource().scope().region());
        row.add(f.resource().type().name().toLowerCase(Locale.ROOT));
        row.add(f.resource().arn());
        row.add(f.check().id());
        row.add(f.check().title());
        row.add(f.severity().label());
        row.add(Describe.outcome(f.result()));
        row.add(f.outcome().message());
        row.add(Describe.evidence(f));
        row.add(Describe.fix(f));
        row.add(String.join(" ", Describe.compliance(f.check().id())));
        row.add(f.isSuppressed() ? f.suppressedBy().reason() : "");
        row.add(startedAt);
        String fingerprint = Fingerprint.of(f);
        row.add(fingerprint);
        boolean open = f.result() == Result.FAIL || f.result() == Result.UNKNOWN;
        row.add(baseline != null && open ? baseline.mark(fingerprint).label() : "");
        rows.row(row);
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        rows.close();
        out.flush();
    }
}
