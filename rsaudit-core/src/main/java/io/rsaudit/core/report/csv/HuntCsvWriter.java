package io.rsaudit.core.report.csv;

import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per alert: {@link #COLUMNS}. {@code evidence} names each evidence record ({@code file:line}, separated by
 * spaces); secrets are removed from every value printed from a log record.
 */
public final class HuntCsvWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    public static final List<String> COLUMNS = List.of(
            "account",
            "region",
            "cluster",
            "rule",
            "title",
            "level",
            "first",
            "last",
            "actor",
            "source_address",
            "events",
            "summary",
            "tags",
            "evidence",
            "fingerprint",
            "baseline");

    private final Writer out;
    private final Baseline baseline;
    private CsvRows rows;

    public HuntCsvWriter(Writer out) {
        this(out, null);
    }

    /** @param baseline the previous report, or {@code null}: {@code baseline} is then empty */
    public HuntCsvWriter(Writer out, Baseline baseline) {
        this.out = out;
        this.baseline = baseline;
    }

    @Override
    public void header(HuntHeader header) throws IOException {
        rows = new CsvRows(out, COLUMNS);
    }

    @Override
    public void result(Alert a) throws IOException {
        String fingerprint = Fingerprint.of(a);
        rows.row(List.of(
                nn(a.account()),
                nn(a.region()),
                nn(a.cluster()),
                a.ruleId(),
                a.title(),
                a.level().label(),
                a.first() == null ? "" : a.first().toString(),
                a.last() == null ? "" : a.last().toString(),
                nn(Redacted.safe(a.actor())),
                nn(a.sourceAddress()),
                Long.toString(a.eventCount()),
                nn(Redacted.safe(a.summary())),
                String.join(" ", a.tags()),
                a.evidence().stream().map(Event::origin).map(Object::toString).collect(Collectors.joining(" ")),
                fingerprint,
                baseline == null ? "" : baseline.mark(fingerprint).label()));
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        rows.close();
        out.flush();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
