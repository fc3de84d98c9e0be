package io.rsaudit.fix.apply;

import java.util.List;

/**
 * What an apply or an undo did, per resource.
 *
 * @param outcomes one line per resource: its ARN, the outcome and the detail
 */
public record ApplyReport(List<Outcome> outcomes, int callsMade, int callsFailed) {

    /**
     * One resource's outcome: {@code verified}, {@code pending}, {@code skipped}, {@code failed}, {@code unknown} (its
     * checks cannot be judged now, so nothing was changed)...
     */
    public record Outcome(String resource, String outcome, String detail) {}

    public ApplyReport {
        outcomes = List.copyOf(outcomes);
    }

    public boolean anyFailed() {
        return callsFailed > 0
                || outcomes.stream()
                        .anyMatch(o -> o.outcome().equals("failed")
                                || o.outcome().equals("not-verified")
                                || o.outcome().equals("unknown"));
    }
}
