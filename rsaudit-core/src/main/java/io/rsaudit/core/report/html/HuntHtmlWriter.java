package io.rsaudit.core.report.html;

import static io.rsaudit.core.report.html.Html.escape;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.report.Describe;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hunt as one self-contained HTML page: the totals, the alerts on a timeline (one mark per alert at its first
 * evidence, one lane per level), the count of alerts per rule, and the alerts table with filters (level, rule,
 * account, region) and a search box; each alert expands to its evidence lines (file and line, time, user, source,
 * and what was done, secrets removed); then what was read and left out, and every read problem.
 */
public final class HuntHtmlWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    /** What the timeline needs of an alert. */
    private record Mark(Instant first, Severity level, String label) {}

    private final Writer out;
    private HuntHeader header;
    private final List<Mark> marks = new ArrayList<>();
    private final Map<String, Long> perRule = new LinkedHashMap<>();
    private final Map<String, Long> perLevel = new LinkedHashMap<>();

    public HuntHtmlWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(HuntHeader header) throws IOException {
        this.header = header;
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            perLevel.put(Severity.values()[i].label(), 0L);
        }
        for (Rule r : header.rules()) {
            perRule.put(r.id(), 0L);
        }
        out.write(Html.head("rsaudit hunt: " + String.join(", ", header.inputs())));
        out.write("<section id=\"alerts\"><h2>Alerts</h2>\n<div class=\"filters\">\n");
        out.write(select("level", perLevel.keySet()));
        out.write(select("rule", List.of()));
        out.write(select("account", List.of()));
        out.write(select("region", List.of()));
        out.write("<input id=\"search\" type=\"search\" placeholder=\"search\" aria-label=\"search\">\n"
                + "<span><span id=\"shown\">0</span> shown</span>\n</div>\n");
        out.write("<table id=\"rows\"><thead><tr><th>Level</th><th>First</th><th>Rule</th><th>Account</th>"
                + "<th>Region</th><th>Cluster</th><th>Actor</th><th>Alert</th></tr></thead>\n<tbody>\n");
    }

    private static String select(String key, Iterable<String> options) {
        boolean fromRows = !options.iterator().hasNext();
        StringBuilder b = new StringBuilder("<label>" + escape(key) + " <select data-filter=\"" + escape(key) + "\""
                + (fromRows ? " data-fill=\"rows\"" : "") + "><option value=\"\">all</option>");
        for (String o : options) {
            b.append("<option value=\"")
                    .append(escape(o))
                    .append("\">")
                    .append(escape(o))
                    .append("</option>");
        }
        return b.append("</select></label>\n").toString();
    }

    @Override
    public void result(Alert a) throws IOException {
        perRule.merge(a.ruleId(), 1L, Long::sum);
        perLevel.merge(a.level().label(), 1L, Long::sum);
        if (a.first() != null) {
            marks.add(new Mark(a.first(), a.level(), a.ruleId() + " " + a.title()));
        }
        StringBuilder b = new StringBuilder(2048);
        b.append("<tr class=\"row alert\" data-level=\"")
                .append(escape(a.level().label()))
                .append("\" data-rule=\"")
                .append(escape(a.ruleId()))
                .append("\" data-account=\"")
                .append(escape(spaced(a.account())))
                .append("\" data-region=\"")
                .append(escape(spaced(a.region())))
                .append("\"><td><span class=\"sev k-")
                .append(escape(a.level().label()))
                .append("\">")
                .append(escape(a.level().label()))
                .append("</span></td><td>")
                .append(escape(a.first()))
                .append("</td><td>")
                .append(escape(a.ruleId()))
                .append("</td><td>")
                .append(escape(a.account()))
                .append("</td><td>")
                .append(escape(a.region()))
                .append("</td><td>")
                .append(escape(a.cluster()))
                .append("</td><td>")
                .append(escape(Redacted.safe(a.actor())))
                .append("</td><td><details><summary>")
                .append(escape(a.title()))
                .append(": ")
                .append(escape(Redacted.safe(a.summary())))
                .append("</summary>\n<p>")
                .append(a.eventCount())
                .append(" event(s), ")
                .append(escape(a.first()))
                .append(" to ")
                .append(escape(a.last()))
                .append("; tags ")
                .append(escape(String.join(" ", a.tags())))
                .append("</p>\n<table class=\"evidence\"><thead><tr><th>Where</th><th>Time</th><th>User</th>"
                        + "<th>Source</th><th>What</th></tr></thead><tbody>\n");
        for (Event e : a.evidence()) {
            b.append("<tr><td class=\"arn\">")
                    .append(escape(e.origin()))
                    .append("</td><td>")
                    .append(escape(e.time()))
                    .append("</td><td>")
                    .append(escape(Redacted.safe(e.user())))
                    .append("</td><td>")
                    .append(escape(e.sourceAddress()))
                    .append("</td><td><code>")
                    .append(escape(Redacted.describe(e)))
                    .append("</code></td></tr>\n");
        }
        if (a.eventCount() > a.evidence().size()) {
            b.append("<tr><td colspan=\"5\" class=\"muted\">")
                    .append(a.eventCount() - a.evidence().size())
                    .append(" more event(s) not kept</td></tr>\n");
        }
        b.append("</tbody></table></details></td></tr>\n");
        out.write(b.toString());
    }

    /** A comma-separated value as space-separated tokens, for a filter. */
    private static String spaced(String s) {
        return s == null ? "" : s.replace(" ", "").replace(',', ' ');
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        out.write("</tbody></table>\n</section>\n");
        out.write("<section id=\"summary\"><h1>rsaudit hunt</h1>\n<p class=\"muted\">"
                + escape(String.join(", ", header.inputs())) + " &middot; policy " + escape(header.policy())
                + " &middot; " + escape(header.startedAt()) + " &middot; rsaudit " + escape(header.toolVersion())
                + "</p>\n<p>Verdict: <strong id=\"verdict\">"
                + escape(summary.verdict().name().toLowerCase(Locale.ROOT)) + "</strong></p>\n");
        out.write("<dl class=\"totals\">");
        total("alerts", "alerts", summary.alerts());
        total("files", "files", summary.read().files());
        total("records", "records", summary.read().records());
        total("events", "events", summary.read().events());
        total("problems", "read problems", summary.read().problemCount());
        out.write("</dl>\n");
        out.write(timeline());
        out.write("<div class=\"charts\">\n");
        out.write(Html.bars("by-level", "Alerts by level", perLevel));
        Map<String, Long> alerting = new LinkedHashMap<>();
        perRule.forEach((rule, n) -> {
            if (n > 0) {
                alerting.put(rule, n);
            }
        });
        out.write(Html.bars("by-rule", "Alerts per rule", alerting));
        out.write("</div>\n");
        if (!header.idle().isEmpty()) {
            out.write("<h2>Idle rules</h2><ul>");
            for (String n : header.idleLines()) {
                out.write("<li>" + escape(n) + "</li>");
            }
            out.write("</ul>\n");
        }
        if (!summary.notes().isEmpty()) {
            out.write("<h2>Not judged</h2><ul>");
            for (String n : summary.notes()) {
                out.write("<li>" + escape(Redacted.safe(n)) + "</li>");
            }
            out.write("</ul>\n");
        }
        out.write(read(summary.read()));
        out.write("</section>\n");
        out.write(Html.foot());
        out.flush();
    }

    /**
     * What was read, left out and could not be read, as the text report says it: an incomplete verdict names its
     * cause here (each problem with its file and line, secrets removed).
     */
    private static String read(ReadSummary r) {
        StringBuilder b = new StringBuilder("<h2>Read</h2>\n<ul id=\"read\"><li>")
                .append(escape(Describe.read(r)))
                .append("</li>");
        if (!r.skippedFiles().isEmpty()) {
            b.append("<li id=\"skipped-files\">Skipped files: ")
                    .append(escape(Describe.reasons(r.skippedFiles())))
                    .append("</li>");
        }
        if (!r.skippedFolders().isEmpty()) {
            b.append("<li id=\"skipped-folders\">Folders not listed: ")
                    .append(escape(Describe.reasons(r.skippedFolders())))
                    .append("</li>");
        }
        b.append("<li>Time range: ")
                .append(r.first() == null ? "none (no record read)" : escape(r.first() + " .. " + r.last()))
                .append("</li></ul>\n");
        if (r.problemCount() > 0) {
            b.append("<h2>Read problems (")
                    .append(r.problemCount())
                    .append(")</h2>\n<table id=\"problems\"><thead><tr><th>where</th><th>kind</th><th>what</th>")
                    .append("</tr></thead><tbody>\n");
            for (ReadProblem p : r.problems()) {
                b.append("<tr><td>")
                        .append(escape(p.origin()))
                        .append("</td><td>")
                        .append(escape(p.kind().name().toLowerCase(Locale.ROOT)))
                        .append("</td><td>")
                        .append(escape(Redacted.safe(p.message())))
                        .append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return b.toString();
    }

    /** An SVG timeline: one lane per level, critical at the top, a circle per alert at its first evidence. */
    private String timeline() {
        StringBuilder b = new StringBuilder("<h2>Timeline</h2>\n");
        if (marks.isEmpty()) {
            return b.append("<p class=\"muted\">No alerts.</p>\n").toString();
        }
        long min = marks.stream().mapToLong(m -> m.first().toEpochMilli()).min().orElse(0);
        long max = marks.stream().mapToLong(m -> m.first().toEpochMilli()).max().orElse(0);
        long span = Math.max(1, max - min);
        b.append("<svg class=\"timeline\" id=\"timeline\" viewBox=\"0 0 1000 140\" preserveAspectRatio=\"none\""
                + " role=\"img\" aria-label=\"alerts over time\">\n");
        int lanes = Severity.values().length;
        for (Mark m : marks) {
            double x = 20 + 960.0 * (m.first().toEpochMilli() - min) / span;
            int lane = lanes - 1 - m.level().ordinal();
            double y = 14 + lane * 26;
            b.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"mark k-%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"><title>%s %s</title></circle>%n",
                    escape(m.level().label()),
                    x,
                    y,
                    escape(m.first()),
                    escape(m.label())));
        }
        b.append("</svg>\n<p class=\"muted\">")
                .append(escape(Instant.ofEpochMilli(min)))
                .append(" to ")
                .append(escape(Instant.ofEpochMilli(max)))
                .append("</p>\n");
        return b.toString();
    }

    private void total(String id, String label, long n) throws IOException {
        out.write("<div><dt>" + escape(label) + "</dt><dd id=\"count-" + escape(id) + "\">" + n + "</dd></div>");
    }
}
