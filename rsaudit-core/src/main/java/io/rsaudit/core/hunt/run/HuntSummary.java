package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hunt report closes with, known once the last alert is out.
 *
 * @param read what was read: files, records, events, filtered, malformed, and every read problem
 * @param notes what the engine could not judge (events without time in windowed rules, full buffers, alerts past
 *     the limit), then the account-regions an inventory lookup could not place security groups in, then
 *     {@link #NOTHING_READ} when no record lies in the window
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

    /**
     * The note of a hunt that read no record in its window (none at all, without one): logs missing for the window
     * (delivery stopped, logging turned off, a mistyped name) are nothing to judge, never a clean period.
     */
    public static final String NOTHING_READ = "no record was read (within the window, when one is given): logs"
            + " missing (delivery stopped, logging turned off, a mistyped name) are nothing to judge, not a clean"
            + " period";

    /**
     * {@code notes}, and {@link #NOTHING_READ} when no record of the inputs lies in the window. Records the filters
     * leave out ({@code rdsdb}, an account) were read: a quiet cluster is not one whose logs are missing.
     */
    public static List<String> withNothingRead(List<String> notes, ReadSummary read) {
        long outside =
                read.filtered().getOrDefault("since", 0L) + read.filtered().getOrDefault("until", 0L);
        if (read.records() > outside) {
            return notes;
        }
        List<String> all = new ArrayList<>(notes);
        all.add(NOTHING_READ);
        return List.copyOf(all);
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
