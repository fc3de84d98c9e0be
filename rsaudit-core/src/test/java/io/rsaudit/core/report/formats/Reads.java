package io.rsaudit.core.report.formats;

import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A hunt's reading as the format tests give it to writers: the counts fixed, what was left out and problems theirs. */
final class Reads {

    static final Instant FIRST = Instant.parse("2026-06-01T12:00:00Z");

    private Reads() {}

    /**
     * 3 files, 10 bytes, 5 records, 4 events, one filtered ({@code rdsdb}), the minute from {@link #FIRST}; the
     * problems all counted and all kept.
     */
    static ReadSummary read(Map<String, Long> skippedFiles, Map<String, Long> skippedFolders, ReadProblem... problems) {
        return new ReadSummary(
                3,
                skippedFiles,
                skippedFolders,
                10,
                10,
                5,
                4,
                Map.of("rdsdb", 1L),
                0,
                FIRST,
                FIRST.plusSeconds(60),
                Map.of(),
                problems.length,
                List.of(problems));
    }
}
