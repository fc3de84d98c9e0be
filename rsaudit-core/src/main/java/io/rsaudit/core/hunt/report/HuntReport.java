package io.rsaudit.core.hunt.report;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.read.Redactor;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Verdict;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * One hunt: what was read, with which rules and policy, what was found, and what could not be judged.
 *
 * @param notes what the engine could not judge (events without time in windowed rules, full buffers)
 * @param failOn alerts at or above it make the verdict FINDINGS; {@code null} for never
 */
public record HuntReport(
        String toolVersion,
        Instant startedAt,
        Instant finishedAt,
        List<String> inputs,
        String policy,
        List<Rule> rules,
        ReadSummary read,
        List<Alert> alerts,
        List<String> notes,
        Severity failOn) {

    public HuntReport {
        inputs = List.copyOf(inputs);
        rules = List.copyOf(rules);
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
    }

    /** FINDINGS on an alert at or above the threshold; else INCOMPLETE when reading or judging was partial. */
    public Verdict verdict() {
        if (failOn != null && alerts.stream().anyMatch(a -> a.level().atLeast(failOn))) {
            return Verdict.FINDINGS;
        }
        if (read.problemCount() > 0 || !read.skippedFiles().isEmpty() || !notes.isEmpty()) {
            return Verdict.INCOMPLETE;
        }
        return Verdict.CLEAN;
    }

    /** Alerts at or above the threshold. */
    public long alertsAtThreshold() {
        return failOn == null
                ? 0
                : alerts.stream().filter(a -> a.level().atLeast(failOn)).count();
    }

    /** What an evidence record says, in one line: its SQL, or its action; secrets removed again. */
    static String describe(Event e) {
        String text = e.sql() != null ? e.sql() : e.action();
        if (text == null) {
            text = "";
        }
        text = Redactor.redact(text, new HashSet<>()).replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Any value printed from a record, with secrets removed again. */
    static String safe(String value) {
        return value == null ? null : Redactor.redact(value, new HashSet<>());
    }
}
