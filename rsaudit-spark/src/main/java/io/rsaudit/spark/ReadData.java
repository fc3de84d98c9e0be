package io.rsaudit.spark;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A task's {@link ReadSummary}, as it reaches the driver. */
record ReadData(
        long files,
        HashMap<String, Long> skippedFiles,
        long bytes,
        long decodedBytes,
        long records,
        long events,
        HashMap<String, Long> filtered,
        long malformed,
        Instant first,
        Instant last,
        HashMap<LogType, Long> perType,
        long problemCount,
        ArrayList<Problem> problems)
        implements Serializable {

    /** A {@link ReadProblem}. */
    record Problem(String file, long line, long index, ReadProblem.Kind kind, String message) implements Serializable {}

    static ReadData of(ReadSummary s) {
        ArrayList<Problem> problems = new ArrayList<>(s.problems().size());
        for (ReadProblem p : s.problems()) {
            problems.add(
                    new Problem(p.origin().file(), p.origin().line(), p.origin().index(), p.kind(), p.message()));
        }
        return new ReadData(
                s.files(),
                new HashMap<>(s.skippedFiles()),
                s.bytes(),
                s.decodedBytes(),
                s.records(),
                s.events(),
                new HashMap<>(s.filtered()),
                s.malformed(),
                s.first(),
                s.last(),
                new HashMap<>(s.perType()),
                s.problemCount(),
                problems);
    }

    ReadSummary summary() {
        List<ReadProblem> list = problems.stream()
                .map(p -> new ReadProblem(new Origin(p.file(), p.line(), p.index()), p.kind(), p.message()))
                .toList();
        return new ReadSummary(
                files,
                skippedFiles,
                Map.of(),
                bytes,
                decodedBytes,
                records,
                events,
                filtered,
                malformed,
                first,
                last,
                perType,
                problemCount,
                list);
    }
}
