package io.rsaudit.core.report.formats;

import io.rsaudit.core.report.Format;
import io.rsaudit.core.report.asff.HuntAsffWriter;
import io.rsaudit.core.report.asff.ScanAsffWriter;
import io.rsaudit.core.report.csv.HuntCsvWriter;
import io.rsaudit.core.report.csv.ScanCsvWriter;
import io.rsaudit.core.report.html.HuntHtmlWriter;
import io.rsaudit.core.report.html.ScanHtmlWriter;
import io.rsaudit.core.report.json.HuntJsonWriter;
import io.rsaudit.core.report.json.ScanJsonWriter;
import io.rsaudit.core.report.junit.HuntJunitWriter;
import io.rsaudit.core.report.junit.ScanJunitWriter;
import io.rsaudit.core.report.ocsf.HuntOcsfWriter;
import io.rsaudit.core.report.ocsf.ScanOcsfWriter;
import io.rsaudit.core.report.sarif.HuntSarifWriter;
import io.rsaudit.core.report.sarif.ScanSarifWriter;
import io.rsaudit.core.report.text.HuntTextWriter;
import io.rsaudit.core.report.text.ScanTextWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every report format rsaudit writes, by name: the one place a format is registered. A new format is one writer class
 * (or one for scans and one for hunts) and one line here.
 */
public final class Formats {

    private static final Map<String, Format> BY_NAME = index(
            new Format(
                    "text",
                    "txt",
                    "for a person: summary table, open findings or alerts with evidence and fix",
                    (out, style) -> new ScanTextWriter(out, style.colour()),
                    (out, style) -> new HuntTextWriter(out)),
            new Format(
                    "json",
                    "json",
                    "for a machine: rsaudit-scan/1 (docs/json-report.md), rsaudit-hunt/1 (docs/hunt-report.md)",
                    (out, style) -> new ScanJsonWriter(out),
                    (out, style) -> new HuntJsonWriter(out)),
            new Format(
                    "csv",
                    "csv",
                    "for a spreadsheet: RFC 4180, one row per finding or alert (docs/formats.md)",
                    (out, style) -> new ScanCsvWriter(out, style.baseline()),
                    (out, style) -> new HuntCsvWriter(out, style.baseline())),
            new Format(
                    "junit",
                    "junit.xml",
                    "for a CI dashboard: JUnit XML, a test case per check and resource, or per hunt rule",
                    (out, style) -> new ScanJunitWriter(out),
                    (out, style) -> new HuntJunitWriter(out)),
            new Format(
                    "sarif",
                    "sarif",
                    "for GitHub code scanning: SARIF 2.1.0, a rule per check or hunt rule, a result per open finding"
                            + " or alert",
                    (out, style) -> new ScanSarifWriter(out, style.baseline()),
                    (out, style) -> new HuntSarifWriter(out, style.baseline())),
            new Format(
                    "ocsf",
                    "ocsf.jsonl",
                    "for Security Lake and SIEMs: OCSF 1.5.0 JSON Lines, Compliance Finding (2003) per finding,"
                            + " Detection Finding (2004) per alert",
                    (out, style) -> new ScanOcsfWriter(out),
                    (out, style) -> new HuntOcsfWriter(out)),
            new Format(
                    "asff",
                    "asff.jsonl",
                    "for Security Hub: ASFF, one BatchImportFindings batch (a JSON array of at most 100) per line",
                    (out, style) -> new ScanAsffWriter(out),
                    (out, style) -> new HuntAsffWriter(out)),
            new Format(
                    "html",
                    "html",
                    "for a person in a browser: one self-contained file with totals, charts, filters and search",
                    (out, style) -> new ScanHtmlWriter(out),
                    (out, style) -> new HuntHtmlWriter(out)));

    private Formats() {}

    /** Every format, in registration order. */
    public static List<Format> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Format> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Format> index(Format... formats) {
        Map<String, Format> byName = new LinkedHashMap<>();
        for (Format f : formats) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalStateException("two formats are named " + f.name());
            }
        }
        return byName;
    }
}
