package io.rsaudit.core.compliance;

import io.rsaudit.core.check.Finding;
import io.rsaudit.core.check.Result;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges each requirement of some frameworks from a scan's findings, as they come: FAIL when any finding of its
 * checks fails, else UNKNOWN when any is unknown, else PASS when any passes; NO_RESOURCES when its checks judged
 * nothing (every finding not applicable, or none); MANUAL when no check answers it. A suppressed finding counts as
 * what it is (a suppression accepts a risk, it does not meet the requirement) and is marked as suppressed. Keeps the
 * failing and unknown resources of each check, nothing of the passing ones.
 */
public final class ComplianceTally {

    /** What a requirement's checks say of it. */
    public enum Status {
        PASS,
        FAIL,
        UNKNOWN,
        NO_RESOURCES,
        MANUAL;

        public String label() {
            return this == NO_RESOURCES ? "no resources" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** A resource a check did not pass: its ARN, the result, and whether a suppression covers it. */
    public record Offender(String check, String arn, Result result, boolean suppressed) {}

    /** One requirement's verdict with the resources that fail or are unknown under it. */
    public record Line(Requirement requirement, Status status, List<Offender> offenders, Map<Result, Long> counts) {}

    private final List<Framework> frameworks;
    private final Map<String, Map<Result, Long>> countsByCheck = new HashMap<>();
    private final Map<String, List<Offender>> offendersByCheck = new HashMap<>();

    public ComplianceTally(List<Framework> frameworks) {
        this.frameworks = List.copyOf(frameworks);
    }

    public List<Framework> frameworks() {
        return frameworks;
    }

    public void add(Finding f) {
        String check = f.check().id();
        countsByCheck.computeIfAbsent(check, c -> new EnumMap<>(Result.class)).merge(f.result(), 1L, Long::sum);
        if (f.result() == Result.FAIL || f.result() == Result.UNKNOWN) {
            offendersByCheck
                    .computeIfAbsent(check, c -> new ArrayList<>())
                    .add(new Offender(check, f.resource().arn(), f.result(), f.isSuppressed()));
        }
    }

    /** Each requirement of {@code framework} with its status, in the framework's order. */
    public List<Line> lines(Framework framework) {
        List<Line> lines = new ArrayList<>();
        for (Requirement r : framework.requirements()) {
            Map<Result, Long> counts = new EnumMap<>(Result.class);
            List<Offender> offenders = new ArrayList<>();
            for (String check : r.checks()) {
                countsByCheck.getOrDefault(check, Map.of()).forEach((k, v) -> counts.merge(k, v, Long::sum));
                offenders.addAll(offendersByCheck.getOrDefault(check, List.of()));
            }
            lines.add(new Line(r, status(r, counts), List.copyOf(offenders), Map.copyOf(counts)));
        }
        return lines;
    }

    private static Status status(Requirement r, Map<Result, Long> counts) {
        if (r.isManual()) {
            return Status.MANUAL;
        }
        if (counts.getOrDefault(Result.FAIL, 0L) > 0) {
            return Status.FAIL;
        }
        if (counts.getOrDefault(Result.UNKNOWN, 0L) > 0) {
            return Status.UNKNOWN;
        }
        if (counts.getOrDefault(Result.PASS, 0L) > 0) {
            return Status.PASS;
        }
        return Status.NO_RESOURCES;
    }
}
