package io.rsaudit.fix.format;

import io.rsaudit.core.model.ResourceId;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Refusal;
import io.rsaudit.fix.plan.Remedy;
import io.rsaudit.fix.plan.ResourcePlan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The plan for a person: per resource its remedies (impact, risk, undo) and the numbered calls; then the refusals a
 * flag would lift (naming it), the refusals that are final (with why), and the failures that stay manual.
 */
final class PlanText {

    private PlanText() {}

    static void write(Plan plan, Writer out) throws IOException {
        out.write("rsaudit fix plan for " + Terminal.escape(plan.source()) + ": "
                + plan.resources().size()
                + " resource(s), " + plan.callCount() + " call(s); "
                + plan.refused().size() + " refused ("
                + plan.refusedUnlessFlagged().size() + " allowed by a flag), "
                + plan.manual().size() + " manual, " + plan.unknownFindings() + " unknown finding(s) not planned\n");
        for (ResourcePlan r : plan.resources()) {
            out.write("\n== " + resource(r.resource()) + "\n");
            for (Remedy m : r.remedies()) {
                out.write("  " + m.checkId() + ": " + Terminal.escape(m.does()) + "\n");
                out.write("      impact: " + m.impact().text() + "\n");
                out.write("      risk:   " + Terminal.escape(m.risk()) + "\n");
                out.write("      undo:   " + Terminal.escape(m.undo()) + "\n");
            }
            for (String note : r.notes()) {
                out.write("  note: " + Terminal.escape(note) + "\n");
            }
            int n = 1;
            for (Call c : r.calls()) {
                out.write("  " + n++ + ". " + c.iamAction() + " " + params(c.params()) + "\n");
            }
        }
        section(out, "Refused unless you allow it (rerun with the flag named)", plan.refusedUnlessFlagged());
        section(out, "Refused, final (no flag allows it; the reason says why)", plan.refusedFinally());
        section(out, "Manual (no automatic remedy)", plan.manual());
    }

    private static void section(Writer out, String title, List<Refusal> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        out.write("\n" + title + ":\n");
        for (Refusal r : list) {
            out.write("  " + r.checkId() + " " + resource(r.resource()) + ": " + Terminal.escape(r.reason())
                    + (r.flag() == null ? "" : " [" + r.flag() + "]") + "\n");
        }
    }

    static String resource(ResourceId id) {
        return id.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + Terminal.escape(id.name())
                + " (" + Terminal.escape(id.scope()) + ")";
    }

    private static String params(Map<String, Object> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(k).append('=').append(Terminal.escape(v));
        });
        return b.toString();
    }
}
