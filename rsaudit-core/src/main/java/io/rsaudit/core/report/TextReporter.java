package io.rsaudit.core.report;

import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.source.AwsCliCall;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report a person reads in a terminal: a summary by account, region and severity, the collection problems,
 * then every open finding grouped by resource with its reason, its evidence and its fix. Passes are counted,
 * not listed. Colour only when asked (the CLI asks when writing to a terminal).
 */
public final class TextReporter implements Reporter {

    private final boolean colour;

    public TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, Writer w) throws IOException {
        Out out = new Out(w, colour);
        out.line(bold("rsaudit " + report.toolVersion()) + "  scan of " + report.input());
        out.line("policy: " + report.policy() + "    fail on: "
                + (report.failOn() == null ? "nothing" : report.failOn().label() + " and above"));
        long accounts = report.scopes().stream().map(Scope::account).distinct().count();
        out.line(accounts + " account(s), " + report.scopes().size() + " account-region(s), "
                + report.checks().size() + " check(s), " + report.findings().size() + " result(s)");
        out.line("");
        summary(report, out);
        problems(report, out);
        findings(report, out);
        notices(report, out);
        verdict(report, out);
        w.flush();
    }

    private void summary(Report report, Out out) throws IOException {
        Map<String, long[]> rows = new TreeMap<>();
        Severity[] sevs = Severity.values();
        for (Finding f : report.findings()) {
            Scope s = f.resource().scope();
            long[] row = rows.computeIfAbsent(
                    s.account() + "  " + pad(s.region() == null ? "(account)" : s.region(), 16),
                    k -> new long[sevs.length + 3]);
            if (f.isSuppressed()) {
                row[sevs.length + 2]++;
            } else if (f.result() == Result.FAIL) {
                row[f.severity().ordinal()]++;
            } else if (f.result() == Result.UNKNOWN) {
                row[sevs.length]++;
            } else if (f.result() == Result.PASS) {
                row[sevs.length + 1]++;
            }
        }
        out.line(bold("Summary") + " (failing findings by severity)");
        StringBuilder head = new StringBuilder("  account       region           ");
        for (int i = sevs.length - 1; i >= 0; i--) {
            head.append(pad(sevs[i].label(), 9));
        }
        head.append(pad("unknown", 9)).append(pad("pass", 7)).append("suppressed");
        out.line(head.toString());
        long[] total = new long[sevs.length + 3];
        for (Map.Entry<String, long[]> e : rows.entrySet()) {
            out.line("  " + e.getKey() + " " + cells(e.getValue(), sevs.length));
            for (int i = 0; i < total.length; i++) {
                total[i] += e.getValue()[i];
            }
        }
        out.line("  " + pad("total", 31) + " " + cells(total, sevs.length));
        out.line("");
    }

    private String cells(long[] row, int sevCount) {
        StringBuilder b = new StringBuilder();
        for (int i = sevCount - 1; i >= 0; i--) {
            String cell = pad(Long.toString(row[i]), 9);
            b.append(row[i] > 0 && i >= Severity.HIGH.ordinal() ? red(cell) : cell);
        }
        String unknown = pad(Long.toString(row[sevCount]), 9);
        b.append(row[sevCount] > 0 ? yellow(unknown) : unknown);
        b.append(pad(Long.toString(row[sevCount + 1]), 7)).append(row[sevCount + 2]);
        return b.toString();
    }

    private void problems(Report report, Out out) throws IOException {
        if (report.collectionErrors().isEmpty()) {
            return;
        }
        out.line(bold("Collection problems") + " (" + report.errorCount() + " error(s), "
                + (report.collectionErrors().size() - report.errorCount()) + " warning(s))");
        for (CollectionError e : report.collectionErrors()) {
            String tag = e.isWarning() ? yellow("warning") : red("error  ");
            out.line("  " + tag + " " + e.location());
            out.line("          " + e.message());
        }
        out.line("");
    }

    private void findings(Report report, Out out) throws IOException {
        Map<ResourceId, List<Finding>> byResource = new LinkedHashMap<>();
        report.findings().stream()
                .filter(Finding::isOpen)
                .sorted(Comparator.comparing((Finding f) -> f.resource().scope())
                        .thenComparing(f -> f.resource().type())
                        .thenComparing(f -> f.resource().name())
                        .thenComparing(f -> f.result() == Result.FAIL ? 0 : 1)
                        .thenComparing(Finding::severity, Comparator.reverseOrder())
                        .thenComparing(f -> f.check().id()))
                .forEach(f -> byResource
                        .computeIfAbsent(f.resource(), k -> new ArrayList<>())
                        .add(f));
        out.line(bold("Findings") + " (" + byResource.size() + " resource(s) with failing or unknown results)");
        for (Map.Entry<ResourceId, List<Finding>> e : byResource.entrySet()) {
            ResourceId r = e.getKey();
            out.line("");
            out.line("  " + bold(r.type().label() + " " + r.name()) + "  " + r.scope() + "  " + r.arn());
            for (Finding f : e.getValue()) {
                String result = f.result() == Result.FAIL ? red("FAIL   ") : yellow("UNKNOWN");
                out.line("    " + result + " " + pad(f.severity().label(), 8) + " "
                        + f.check().id() + "  " + f.check().title());
                out.line("            " + f.outcome().message());
                Evidence ev = f.outcome().evidence();
                if (ev != null) {
                    out.line("            at " + ev.provenance()
                            + AwsCliCall.ofLocation(ev.provenance().location())
                                    .map(c -> " (" + c.iamAction() + ")")
                                    .orElse("")
                            + describe(ev));
                }
                if (f.result() == Result.FAIL) {
                    out.line("            fix: " + f.remediationCli().replace("\n", "\n                 "));
                }
            }
        }
        out.line("");
    }

    private static String describe(Evidence ev) {
        return switch (ev.status()) {
            case KNOWN -> "";
            case DEFAULTED -> " (defaulted: " + ev.note() + ")";
            case UNKNOWN -> "";
        };
    }

    private void notices(Report report, Out out) throws IOException {
        List<Finding> suppressed =
                report.findings().stream().filter(Finding::isSuppressed).toList();
        if (!suppressed.isEmpty()) {
            out.line(bold("Suppressed") + " (" + suppressed.size() + ")");
            for (Finding f : suppressed) {
                out.line("  " + f.check().id() + " " + f.resource().arn() + ": "
                        + f.suppressedBy().reason() + " (until "
                        + f.suppressedBy().expires() + ")");
            }
            out.line("");
        }
        for (String n : report.policyNotices()) {
            out.line(yellow("policy: ") + n);
        }
        for (String n : report.internalErrors()) {
            out.line(red("internal error: ") + n);
        }
        if (!report.policyNotices().isEmpty() || !report.internalErrors().isEmpty()) {
            out.line("");
        }
    }

    private void verdict(Report report, Out out) throws IOException {
        long fails = report.countOpen(Result.FAIL);
        long unknowns = report.countOpen(Result.UNKNOWN);
        String threshold =
                report.failOn() == null ? "" : " at or above " + report.failOn().label();
        String text = switch (report.verdict()) {
            case INTERNAL_ERROR -> red("INTERNAL ERROR") + ": a check failed to run; the results are incomplete";
            case FINDINGS ->
                red("FAIL") + ": " + fails + " failing finding(s)" + threshold
                        + (unknowns > 0 || report.errorCount() > 0
                                ? "; the scan is also incomplete (" + unknowns + " unknown, " + report.errorCount()
                                        + " collection error(s))"
                                : "");
            case INCOMPLETE ->
                yellow("INCOMPLETE") + ": " + unknowns + " unknown result(s)" + threshold + ", " + report.errorCount()
                        + " collection error(s)";
            case CLEAN -> green("PASS") + ": nothing" + threshold + " failed";
        };
        out.line("Verdict: " + text);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private String bold(String s) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String red(String s) {
        return colour ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    private String yellow(String s) {
        return colour ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    private String green(String s) {
        return colour ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    private record Out(Writer w, boolean colour) {
        void line(String s) throws IOException {
            w.write(s);
            w.write('\n');
        }
    }
}
