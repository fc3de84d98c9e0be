package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hunt reads: the inputs, how the report names them (the arguments as given), and what finding them met
 * before any was read: inputs and folders left out by reason (an {@code s3://} listing narrowed by account, region or
 * time, a local walk's hidden files) and problems (a prefix or folder that could not be listed).
 */
public record HuntInput(
        List<String> names,
        List<LogInput> inputs,
        Map<String, Long> leftOut,
        Map<String, Long> foldersLeftOut,
        List<ReadProblem> problems) {

    public HuntInput {
        names = List.copyOf(names);
        inputs = List.copyOf(inputs);
        leftOut = Map.copyOf(leftOut);
        foldersLeftOut = Map.copyOf(foldersLeftOut);
        problems = List.copyOf(problems);
    }

    /** Inputs with nothing left out before reading. */
    public static HuntInput of(List<String> names, List<LogInput> inputs) {
        return new HuntInput(names, inputs, Map.of(), Map.of(), List.of());
    }

    /** This input and what one more source found: its inputs after these, its counts added, its problems after. */
    public HuntInput and(
            List<LogInput> more,
            Map<String, Long> moreLeftOut,
            Map<String, Long> moreFoldersLeftOut,
            List<ReadProblem> moreProblems) {
        return new HuntInput(
                names,
                joined(inputs, more),
                added(leftOut, moreLeftOut),
                added(foldersLeftOut, moreFoldersLeftOut),
                joined(problems, moreProblems));
    }

    private static <T> List<T> joined(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, Long> added(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> all = new HashMap<>(a);
        b.forEach((reason, n) -> all.merge(reason, n, Long::sum));
        return all;
    }
}
