package io.rsaudit.core.report.html;

import static io.rsaudit.core.report.html.Html.escape;

import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.compliance.Framework;
import io.rsaudit.core.compliance.Frameworks;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.ReportWriter;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A scan as one self-contained HTML page: the totals (the service's counts, as the JSON report has them) and charts
 * of failing findings by severity, by account and region, and by check area; the findings table with its filters;
 * each check's documentation once. A finding's row expands to its message, reason, evidence and fix for its
 * resource.
 */
public final class ScanHtmlWriter implements ReportWriter<ScanHeader, Finding, ScanSummary> {

    private final Writer out;
    private ScanHeader header;
    private final Map<String, Long> failByScope = new TreeMap<>();
    private final Map<String, Long> failByArea = new TreeMap<>();

    public ScanHtmlWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(ScanHeader header) throws IOException {
        this.header = header;
        out.write(Html.head("rsaudit scan: " + header.input()));
        out.write("<section id=\"checks\"><h2>Checks</h2>\n");
        for (CheckMetadata c : header.checks()) {
            out.write("<details id=\"doc-" + escape(c.id()) + "\"><summary>" + escape(c.id()) + ": "
                    + escape(c.title()) + " <span class=\"muted\">("
                    + escape(c.severity().label()) + ", "
                    + escape(c.area().title()) + ")</span></summary>\n<p>"
                    + escape(c.documentation().summary())
                    + "</p>\n<h3>Risk</h3><p>" + escape(c.documentation().risk()) + "</p>\n<h3>Console</h3><pre>"
                    + escape(c.documentation().console()) + "</pre>\n<h3>Terraform</h3><pre>"
                    + escape(c.documentation().terraform()) + "</pre>\n<p>Compliance: "
                    + escape(String.join(", ", Describe.compliance(c.id()))) + "</p></details>\n");
        }
        out.write("</section>\n");
        out.write("<section id=\"findings\"><h2>Findings</h2>\n<div class=\"filters\">\n");
        filter("severity", "severity", severities(), false);
        filter("outcome", "outcome", List.of("fail", "unknown", "pass", "not_applicable", "suppressed"), false);
        filter("account", "account", List.of(), true);
        filter("region", "region", List.of(), true);
        filter("check", "check", List.of(), true);
        filter(
                "framework",
                "framework",
                Frameworks.builtIn().all().stream().map(Framework::id).toList(),
                false);
        out.write("<input id=\"search\" type=\"search\" placeholder=\"search\" aria-label=\"search\">\n"
                + "<span><span id=\"shown\">0</span> shown</span>\n</div>\n");
        out.write("<table id=\"rows\"><thead><tr><th>Severity</th><th>Outcome</th><th>Account</th><th>Region</th>"
                + "<th>Check</th><th>Resource</th><th>Finding</th></tr></thead>\n<tbody>\n");
    }

    private static List<String> severities() {
        List<String> s = new java.util.ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            s.add(Severity.values()[i].label());
        }
        return s;
    }

    private void filter(String key, String label, List<String> options, boolean fromRows) throws IOException {
        out.write("<label>" + escape(label) + " <select data-filter=\"" + escape(key) + "\""
                + (fromRows ? " data-fill=\"rows\"" : "") + "><option value=\"\">all</option>");
        for (String o : options) {
            out.write("<option value=\"" + escape(o) + "\">" + escape(o) + "</option>");
        }
        out.write("</select></label>\n");
    }

    @Override
    public void result(Finding f) throws IOException {
        String outcome = Describe.outcome(f.result());
        String account = f.resource().scope().account();
        String region = f.resource().scope().region() == null
                ? "global"
                : f.resource().scope().region();
        List<String> compliance = Describe.compliance(f.check().id());
        String frameworks = compliance.stream()
                .map(id -> id.substring(0, id.indexOf(':')))
                .distinct()
                .collect(Collectors.joining(" "));
        if (f.result() == Result.FAIL && !f.isSuppressed()) {
            failByScope.merge(account + " " + region, 1L, Long::sum);
            failByArea.merge(f.check().area().title(), 1L, Long::sum);
        }
        StringBuilder b = new StringBuilder(1024);
        b.append("<tr class=\"row finding\" data-severity=\"")
                .append(escape(f.severity().label()))
                .append("\" data-outcome=\"")
                .append(escape(outcome + (f.isSuppressed() ? " suppressed" : "")))
                .append("\" data-account=\"")
                .append(escape(account))
                .append("\" data-region=\"")
                .append(escape(region))
                .append("\" data-check=\"")
                .append(escape(f.check().id()))
                .append("\" data-framework=\"")
                .append(escape(frameworks))
                .append("\">");
        b.append("<td><span class=\"sev k-")
                .append(escape(f.severity().label()))
                .append("\">")
                .append(escape(f.severity().label()))
                .append("</span></td><td><span class=\"out k-")
                .append(escape(outcome))
                .append("\">")
                .append(escape(outcome))
                .append("</span>")
                .append(f.isSuppressed() ? " <span class=\"muted\">suppressed</span>" : "")
                .append("</td><td>")
                .append(escape(account))
                .append("</td><td>")
                .append(escape(region))
                .append("</td><td><a href=\"#doc-")
                .append(escape(f.check().id()))
                .append("\">")
                .append(escape(f.check().id()))
                .append("</a></td><td class=\"arn\">")
                .append(escape(f.resource().name()))
                .append("<br><span class=\"muted\">")
                .append(escape(f.resource().arn()))
                .append("</span></td><td><details><summary>")
                .append(escape(f.outcome().message()))
                .append("</summary>\n");
        if (f.outcome().reason() != null) {
            b.append("<p>Reason: ")
                    .append(escape(f.outcome().reason().kind().label()))
                    .append("</p>");
        }
        String evidence = Describe.evidence(f);
        if (!evidence.isEmpty()) {
            b.append("<p>Evidence: <code>").append(escape(evidence)).append("</code></p>");
        }
        if (f.isSuppressed()) {
            b.append("<p>Suppressed: ")
                    .append(escape(f.suppressedBy().reason()))
                    .append(" (until ")
                    .append(escape(f.suppressedBy().expires()))
                    .append(")</p>");
        }
        String fix = Describe.fix(f);
        if (!fix.isEmpty()) {
            b.append("<p>Fix (AWS CLI):</p><pre>").append(escape(fix)).append("</pre>");
            b.append("<p>Console and Terraform: <a href=\"#doc-")
                    .append(escape(f.check().id()))
                    .append("\">")
                    .append(escape(f.check().id()))
                    .append("</a></p>");
        }
        if (!compliance.isEmpty()) {
            b.append("<p class=\"muted\">")
                    .append(escape(String.join(" ", compliance)))
                    .append("</p>");
        }
        b.append("</details></td></tr>\n");
        out.write(b.toString());
    }

    @Override
    public void summary(ScanSummary summary) throws IOException {
        out.write("</tbody></table>\n</section>\n");
        out.write("<section id=\"summary\"><h1>rsaudit scan</h1>\n<p class=\"muted\">" + escape(header.input())
                + " &middot; policy " + escape(header.policy()) + " &middot; " + escape(header.startedAt())
                + " &middot; rsaudit " + escape(header.toolVersion()) + "</p>\n");
        out.write("<p>Verdict: <strong id=\"verdict\">"
                + escape(summary.verdict().name().toLowerCase(Locale.ROOT)) + "</strong></p>\n");
        out.write("<dl class=\"totals\">");
        total("findings", "findings", summary.findings());
        for (Result r : Result.values()) {
            total(
                    Describe.outcome(r),
                    Describe.outcome(r).replace('_', ' '),
                    summary.results().getOrDefault(r, 0L));
        }
        total("suppressed", "suppressed", summary.suppressed());
        total("collection-errors", "collection errors", header.errorCount());
        out.write("</dl>\n<div class=\"charts\">\n");
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (String s : severities()) {
            bySeverity.put(s, summary.failBySeverity().getOrDefault(Severity.parse(s), 0L));
        }
        out.write(Html.bars("fail-by-severity", "Failing by severity", bySeverity));
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Result r : Result.values()) {
            byOutcome.put(Describe.outcome(r), summary.results().getOrDefault(r, 0L));
        }
        out.write(Html.bars("by-outcome", "By outcome", byOutcome));
        out.write(Html.bars("fail-by-scope", "Failing by account and region", failByScope));
        out.write(Html.bars("fail-by-area", "Failing by check area", failByArea));
        out.write("</div>\n");
        if (!header.collectionErrors().isEmpty()) {
            out.write("<h2>Collection errors</h2><ul>");
            for (var e : header.collectionErrors()) {
                out.write("<li>" + escape(e.isWarning() ? "warning" : "error") + ": " + escape(e.location()) + ": "
                        + escape(e.message()) + "</li>");
            }
            out.write("</ul>\n");
        }
        out.write("</section>\n");
        out.write(Html.foot());
        out.flush();
    }

    private void total(String id, String label, long n) throws IOException {
        out.write("<div><dt>" + escape(label) + "</dt><dd id=\"count-" + escape(id) + "\">" + n + "</dd></div>");
    }
}
