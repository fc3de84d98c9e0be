package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.model.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * What a hunt report closes with, known once the last alert is out.
 *
 * @param read what was read: files, records, events, filtered, malformed, and every read problem
 * @param notes what the engine could not judge (events without time in windowed rules, full buffers, alerts past
 *     the limit), then the account-regions an inventory lookup could not place security groups in
 * @param alerts how many alerts were reported
 * @param alertsAtThreshold how many of them are at or above the threshold
 */
public record HuntSummary(
        Instant finishedAt,
        ReadSummary read,
        List<String> notes,
        long alerts,
        long alertsAtThreshold,
        Verdict verdict) {

    public HuntSummary {
        notes = List.copyOf(notes);
    }

    /** FINDINGS on an alert at or above the threshold; else INCOMPLETE when reading or judging was partial. */
    public static Verdict verdict(long alertsAtThreshold, ReadSummary read, List<String> notes) {
        if (alertsAtThreshold > 0) {
            return Verdict.FINDINGS;
        }
        if (read.partial() || !notes.isEmpty()) {
            return Verdict.INCOMPLETE;
        }
        return Verdict.CLEAN;
    }
}
