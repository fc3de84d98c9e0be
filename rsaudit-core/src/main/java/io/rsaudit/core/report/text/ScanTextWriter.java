package io.rsaudit.core.report.text;

import io.rsaudit.core.check.Documentation;
import io.rsaudit.core.check.Evidence;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.parallel.InOrder;
import io.rsaudit.core.redact.Redactor;
import io.rsaudit.core.redact.SecretClues;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.report.Terminal;
import io.rsaudit.core.report.Utf8Writer;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scan report a person reads in a terminal: a summary by account, region and severity, the collection problems,
 * then every open finding grouped by resource with its reason, its evidence and its fix. Passes are counted, not
 * listed. Colour only when asked (the CLI asks when writing to a terminal). The whole report is printed with the
 * summary, because its first lines count what comes last; until then only the open and suppressed findings and the
 * counts per account and region are kept.
 */
public final class ScanTextWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    private static final Severity[] SEVERITIES = Severity.values();

    private final Writer w;
    private final boolean colour;
    private ScanHeader header;
    /** The counts of each account-region; their rows are labelled and sorted when the report is printed. */
    private final Map<Scope, Row> rows = new HashMap<>();
    /**
     * The open findings of each account-region as they came, under a scope that sorts as they do: an account-region
     * named "null" sorts with the account's own scope ({@link Scope#compareTo}), so it shares its list.
     */
    private final Map<Scope, List<Finding>> open = new HashMap<>();
    /** The row of the last finding: findings come resource type by resource type, a region's resources together. */
    private Scope lastScope;

    private Row lastRow;
    /** Fix command lines as {@link #t} shows them: most lines of a check's command are the same for every finding. */
    private final Map<String, String> fixLines = new ConcurrentHashMap<>();

    private final List<Finding> suppressed = new ArrayList<>();

    /** An account-region's counts by column of the summary table, and its open findings. */
    private record Row(long[] counts, List<Finding> open) {}

    public ScanTextWriter(Writer w, boolean colour) {
        this.w = w;
        this.colour = colour;
    }

    @Override
    public void header(ScanHeader header) {
        this.header = header;
    }

    @Override
    public void result(Finding f) {
        Scope scope = f.resource().scope();
        Row counted = scope == lastScope ? lastRow : row(scope);
        long[] row = counted.counts();
        if (f.isSuppressed()) {
            row[SEVERITIES.length + 2]++;
            suppressed.add(f);
        } else if (f.result() == Result.FAIL) {
            row[f.severity().ordinal()]++;
        } else if (f.result() == Result.UNKNOWN) {
            row[SEVERITIES.length]++;
        } else if (f.result() == Result.PASS) {
            row[SEVERITIES.length + 1]++;
        }
        if (f.isOpen()) {
            counted.open().add(f);
        }
    }

    private Row row(Scope scope) {
        Row row = rows.get(scope);
        if (row == null) {
            Scope sorted = "null".equals(scope.region()) ? Scope.account(scope.account()) : scope;
            row = new Row(new long[SEVERITIES.length + 3], open.computeIfAbsent(sorted, k -> new ArrayList<>()));
            rows.put(scope, row);
        }
        lastScope = scope;
        lastRow = row;
        return row;
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        Out out = new Out(w);
        out.line(bold("rsaudit " + header.toolVersion()) + "  scan of " + t(header.input()));
        out.line("policy: " + t(header.policy()) + "    fail on: "
                + (header.failOn() == null ? "nothing" : header.failOn().label() + " and above"));
        out.line("ages as of " + header.ages().at() + " ("
                + header.ages().basis().words() + ")");
        out.line(header.accounts() + " account(s), " + header.scopes().size() + " account-region(s), "
                + header.checks().size() + " check(s), " + summary.findings() + " result(s)");
        out.line("");
        table(out);
        problems(out);
        findings(out);
        notices(summary, out);
        verdict(summary, out);
        w.flush();
    }

    private void table(Out out) throws IOException {
        Severity[] sevs = SEVERITIES;
        out.line(bold("Summary") + " (failing findings by severity)");
        StringBuilder head = new StringBuilder("  account       region           ");
        for (int i = sevs.length - 1; i >= 0; i--) {
            head.append(pad(sevs[i].label(), 9));
        }
        head.append(pad("unknown", 9)).append(pad("pass", 7)).append("suppressed");
        out.line(head.toString());
        Map<String, long[]> rows = new TreeMap<>();
        this.rows.forEach((s, counted) -> {
            long[] row = counted.counts();
            long[] sum = rows.computeIfAbsent(
                    s.account() + "  " + pad(s.region() == null ? "(account)" : s.region(), 16),
                    k -> new long[row.length]);
            for (int i = 0; i < row.length; i++) {
                sum[i] += row[i];
            }
        });
        long[] total = new long[sevs.length + 3];
        for (Map.Entry<String, long[]> e : rows.entrySet()) {
            out.line("  " + t(e.getKey()) + " " + cells(e.getValue(), sevs.length));
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

    private void problems(Out out) throws IOException {
        if (header.collectionErrors().isEmpty()) {
            return;
        }
        out.line(bold("Collection problems") + " (" + header.errorCount() + " error(s), " + header.warningCount()
                + " warning(s))");
        for (CollectionError e : header.collectionErrors()) {
            String tag = e.isWarning() ? yellow("warning") : red("error  ");
            out.line("  " + tag + " " + t(e.location()));
            out.line("          " + t(e.message()));
        }
        out.line("");
    }

    /**
     * Every open finding, grouped by resource. Each account-region's findings are sorted and grouped on all cores, then
     * the groups printed in pieces made on all cores ({@link InOrder}), in order, so the report is the same whatever
     * the number of cores; into a {@link Utf8Writer} the pieces are encoded where they are printed.
     */
    private void findings(Out out) throws IOException {
        List<Scope> scopes = new ArrayList<>(open.keySet());
        scopes.sort(null);
        List<List<Finding>> byScope = new ArrayList<>(scopes.size());
        for (Scope s : scopes) {
            byScope.add(open.get(s));
        }
        List<List<List<Finding>>> grouped = new ArrayList<>(scopes.size());
        InOrder.map(byScope, ScanTextWriter::grouped, grouped::add);
        List<List<List<Finding>>> pieces = new ArrayList<>();
        List<List<Finding>> piece = new ArrayList<>();
        int inPiece = 0;
        int resources = 0;
        for (List<List<Finding>> groups : grouped) {
            for (List<Finding> group : groups) {
                piece.add(group);
                resources++;
                inPiece += group.size();
                if (inPiece >= PIECE) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                    inPiece = 0;
                }
            }
        }
        pieces.add(piece);
        out.line(bold("Findings") + " (" + resources + " resource(s) with failing or unknown results)");
        if (w instanceof Utf8Writer bytes) {
            // encoded on the workers too: this thread only copies the bytes to the file
            InOrder.map(pieces, groups -> print(groups).getBytes(StandardCharsets.UTF_8), bytes::writeUtf8);
        } else {
            InOrder.map(pieces, this::print, w::write);
        }
        out.line("");
    }

    /**
     * One account-region's open findings (in the order they came), sorted ({@link #orderInScope}) and grouped by
     * resource: as the findings of all account-regions sorted together would be, since they sort by account-region
     * first.
     */
    private static List<List<Finding>> grouped(List<Finding> findings) {
        Finding[] sorted = findings.toArray(new Finding[0]);
        Arrays.sort(sorted, ScanTextWriter::orderInScope);
        List<List<Finding>> groups = new ArrayList<>();
        for (int from = 0; from < sorted.length; ) {
            // the findings that sort as one resource; more than one resource there only when the input repeats one
            int to = from + 1;
            while (to < sorted.length && resourceOrderInScope(sorted[from], sorted[to]) == 0) {
                to++;
            }
            if (to == from + 1) {
                groups.add(List.of(sorted[from]));
            } else {
                Map<ResourceId, List<Finding>> byResource = new LinkedHashMap<>();
                for (int i = from; i < to; i++) {
                    byResource
                            .computeIfAbsent(sorted[i].resource(), k -> new ArrayList<>())
                            .add(sorted[i]);
                }
                groups.addAll(byResource.values());
            }
            from = to;
        }
        return groups;
    }

    /**
     * Findings printed at once, in a piece of the report: enough to make handing them over cheap, few enough that the
     * pieces printed ahead (about 1.7 KB a finding) stay young garbage.
     */
    private static final int PIECE = 512;

    /** The lines of {@code groups}, each a resource's open findings. */
    private String print(List<List<Finding>> groups) {
        int findings = 0;
        for (List<Finding> group : groups) {
            findings += group.size();
        }
        StringBuilder b = new StringBuilder(findings * 2048);
        for (List<Finding> group : groups) {
            ResourceId r = group.get(0).resource();
            b.append('\n');
            b.append("  ")
                    .append(bold(r.type().label() + " " + t(r.name())))
                    .append("  ")
                    .append(t(String.valueOf(r.scope())))
                    .append("  ")
                    .append(t(r.arn()))
                    .append('\n');
            for (Finding f : group) {
                String result = f.result() == Result.FAIL ? red("FAIL   ") : yellow("UNKNOWN");
                b.append("    ")
                        .append(result)
                        .append(' ')
                        .append(pad(f.severity().label(), 8))
                        .append(' ')
                        .append(f.check().id())
                        .append("  ")
                        .append(t(f.check().title()))
                        .append('\n');
                b.append("            ").append(t(f.outcome().message())).append('\n');
                Evidence ev = f.outcome().evidence();
                if (ev != null) {
                    b.append("            at ").append(t(String.valueOf(ev.provenance())));
                    ScanHeader.iamAction(ev.provenance())
                            .ifPresent(action -> b.append(" (").append(action).append(')'));
                    b.append(t(describe(ev))).append('\n');
                }
                if (f.result() == Result.FAIL) {
                    b.append("            fix: ");
                    fix(f, b);
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    /**
     * The order of the findings of one account-region (findings sort by account-region first): by resource type and
     * name, failing before unknown, then by severity, highest first, and check.
     */
    private static int orderInScope(Finding a, Finding b) {
        int c = resourceOrderInScope(a, b);
        if (c == 0) {
            c = Boolean.compare(a.result() != Result.FAIL, b.result() != Result.FAIL);
        }
        if (c == 0) {
            c = b.severity().compareTo(a.severity());
        }
        return c != 0 ? c : a.check().id().compareTo(b.check().id());
    }

    /** The resource part of {@link #orderInScope}: type, then name. */
    private static int resourceOrderInScope(Finding a, Finding b) {
        ResourceId x = a.resource();
        ResourceId y = b.resource();
        int c = x.type().compareTo(y.type());
        return c != 0 ? c : x.name().compareTo(y.name());
    }

    /**
     * Appends {@code f}'s fix command as {@link #fix(String)} shows it. When the command is its check's template filled
     * with checked values, the template's text was read once ({@link FixTemplate}) and only the values are read here:
     * they are printable ASCII without line ends, so the command shows as it is unless the redactor's first pass, for
     * which they are read with the characters around them, says it may hold a secret. Indenting the lines changes
     * nothing the first pass looks for (spaces after line ends), so it reads the command as shown.
     */
    private void fix(Finding f, StringBuilder b) {
        String[] values = f.remediationValues();
        if (values != null) {
            FixTemplate template =
                    fixTemplates.computeIfAbsent(f.check().documentation().cliParts(), FixTemplate::new);
            if (template.plain) {
                Documentation.CliParts parts = template.parts;
                int n = parts.values();
                int from = b.length();
                int[] literalStarts = new int[n + 1];
                int[] valueStarts = new int[n];
                int[] valueEnds = new int[n];
                for (int i = 0; i < n; i++) {
                    literalStarts[i] = b.length();
                    b.append(template.indented[i]);
                    valueStarts[i] = b.length();
                    b.append(values[parts.slot(i)]);
                    valueEnds[i] = b.length();
                }
                literalStarts[n] = b.length();
                b.append(template.indented[n]);
                if (!SecretClues.mayContainSecret(b, from, template.clues, literalStarts, valueStarts, valueEnds)) {
                    return;
                }
                b.setLength(from);
            }
        }
        b.append(fix(f.remediationCli()));
    }

    /** The fix command templates as {@link #fix(Finding, StringBuilder)} uses them, per template. */
    private final Map<Documentation.CliParts, FixTemplate> fixTemplates = new ConcurrentHashMap<>();

    /** A check's fix command template, read once for {@link #fix(Finding, StringBuilder)}. */
    private static final class FixTemplate {
        final Documentation.CliParts parts;
        /**
         * Whether its text shows as it is ({@link Terminal#linesPrintAsTheyAre}, no carriage return) and does not end
         * a line at its end, so that filled with safe values it shows as it is when the redactor leaves it alone.
         */
        final boolean plain;
        /** Each literal with the indent after each of its line ends. */
        final String[] indented;
        /** What the redactor's first pass looks for in each indented literal alone. */
        final SecretClues[] clues;

        FixTemplate(Documentation.CliParts parts) {
            this.parts = parts;
            int n = parts.values() + 1;
            indented = new String[n];
            clues = new SecretClues[n];
            boolean plain = !parts.literal(n - 1).endsWith("\n");
            for (int i = 0; i < n; i++) {
                String literal = parts.literal(i);
                plain &= literal.indexOf('\r') < 0 && Terminal.linesPrintAsTheyAre(literal);
                indented[i] = literal.replace("\n", FIX_INDENT);
                clues[i] = new SecretClues().add(indented[i], 0, indented[i].length(), 0);
            }
            this.plain = plain;
        }
    }

    /** A fix command, each line shown as {@link #t} shows it, the lines after the first indented under it. */
    private String fix(String cli) {
        if (cli.indexOf('\r') < 0 && Terminal.linesPrintAsTheyAre(cli) && !Redactor.mayContainSecret(cli)) {
            // nothing in the whole command to escape or redact, so nothing in any of its lines: the common case
            String text = cli.endsWith("\n") ? cli.substring(0, cli.length() - 1) : cli;
            return text.indexOf('\n') < 0 ? text : text.replace("\n", FIX_INDENT);
        }
        // the lines of String.lines(): ended by \n, \r or \r\n
        String text = cli.indexOf('\r') < 0 ? cli : cli.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder(text.length() + 256);
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            if (from > 0) {
                b.append(FIX_INDENT);
            }
            String line = text.substring(from, end);
            String shown = fixLines.get(line);
            if (shown == null) {
                shown = t(line);
                if (fixLines.size() >= MAX_FIX_LINES) {
                    fixLines.clear();
                }
                fixLines.put(line, shown);
            }
            b.append(shown);
            from = end + 1;
        }
        return b.toString();
    }

    /** What comes between the lines of a fix command: they are indented under the first. */
    private static final String FIX_INDENT = "\n                 ";

    /** Bounds {@link #fixLines}: past it, it starts again. */
    private static final int MAX_FIX_LINES = 16_384;

    /** How the evidence is known: nothing when known; the default's reason; the kind of an unknown's cause. */
    private static String describe(Evidence ev) {
        return switch (ev.status()) {
            case KNOWN -> "";
            case DEFAULTED -> " (defaulted: " + ev.reason().detail() + ")";
            case UNKNOWN -> " (unknown: " + ev.reason().kind().label().replace('_', ' ') + ")";
        };
    }

    private void notices(ScanSummary summary, Out out) throws IOException {
        if (!suppressed.isEmpty()) {
            out.line(bold("Suppressed") + " (" + suppressed.size() + ")");
            for (Finding f : suppressed) {
                out.line("  " + f.check().id() + " " + t(f.resource().arn()) + ": "
                        + t(f.suppressedBy().reason()) + " (until "
                        + f.suppressedBy().expires() + ")");
            }
            out.line("");
        }
        for (String n : summary.policyNotices()) {
            out.line(yellow("policy: ") + t(n));
        }
        for (String n : summary.internalErrors()) {
            out.line(red("internal error: ") + t(n));
        }
        if (!summary.policyNotices().isEmpty() || !summary.internalErrors().isEmpty()) {
            out.line("");
        }
    }

    private void verdict(ScanSummary summary, Out out) throws IOException {
        long fails = summary.failsAtThreshold();
        long unknowns = summary.unknownsAtThreshold();
        long errors = summary.collectionErrors();
        String threshold =
                header.failOn() == null ? "" : " at or above " + header.failOn().label();
        String text = switch (summary.verdict()) {
            case INTERNAL_ERROR -> red("INTERNAL ERROR") + ": a check failed to run; the results are incomplete";
            case FINDINGS ->
                red("FAIL") + ": " + fails + " failing finding(s)" + threshold
                        + (unknowns > 0 || errors > 0
                                ? "; the scan is also incomplete (" + unknowns + " unknown, " + errors
                                        + " collection error(s))"
                                : "");
            case INCOMPLETE ->
                yellow("INCOMPLETE") + ": " + unknowns + " unknown result(s)" + threshold + ", " + errors
                        + " collection error(s)";
            case CLEAN -> green("PASS") + ": nothing" + threshold + " failed";
        };
        out.line("Verdict: " + text);
    }

    /**
     * A value from input as the terminal may show it: secrets redacted, control and bidi characters escaped. Our
     * own colours are added around values, never inside them.
     */
    private static String t(String s) {
        return Redacted.forTerminal(s);
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

    private record Out(Writer w) {
        void line(String s) throws IOException {
            w.write(s);
            w.write('\n');
        }
    }
}
