package io.rsaudit.cli;

import io.rsaudit.core.compliance.ComplianceTally;
import io.rsaudit.core.compliance.Framework;
import io.rsaudit.core.report.Terminal;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** {@code scan --compliance}: each requirement of each framework with its status and the resources that fail it. */
final class ComplianceText {

    /** At most this many resources are listed under one requirement. */
    static final int LISTED = 10;

    private ComplianceText() {}

    static void print(PrintWriter out, ComplianceTally tally) {
        for (Framework f : tally.frameworks()) {
            out.println();
            out.printf("Compliance: %s %s (%s)%n", f.name(), f.version(), f.id());
            Map<ComplianceTally.Status, Integer> totals = new EnumMap<>(ComplianceTally.Status.class);
            for (ComplianceTally.Line line : tally.lines(f)) {
                totals.merge(line.status(), 1, Integer::sum);
                String status = line.status().label().toUpperCase(Locale.ROOT);
                out.printf(
                        "  %-12s %-22s %s%n",
                        status, line.requirement().id(), line.requirement().title());
                if (line.status() == ComplianceTally.Status.MANUAL) {
                    out.println("      manual: " + line.requirement().manual());
                    continue;
                }
                out.println(
                        "      checks: " + String.join(", ", line.requirement().checks()));
                if (line.requirement().manual() != null) {
                    out.println("      also manual: " + line.requirement().manual());
                }
                line.offenders().stream()
                        .limit(LISTED)
                        .forEach(o -> out.printf(
                                "      - %s %s %s%s%n",
                                o.result().label(),
                                o.check(),
                                Terminal.escape(o.arn()),
                                o.suppressed() ? " (suppressed)" : ""));
                if (line.offenders().size() > LISTED) {
                    out.printf("      ... and %d more%n", line.offenders().size() - LISTED);
                }
            }
            StringBuilder b = new StringBuilder();
            for (ComplianceTally.Status s : ComplianceTally.Status.values()) {
                b.append(b.length() == 0 ? "" : ", ")
                        .append(totals.getOrDefault(s, 0))
                        .append(' ')
                        .append(s.label());
            }
            out.printf("  %d requirements: %s%n", f.requirements().size(), b);
        }
    }
}
