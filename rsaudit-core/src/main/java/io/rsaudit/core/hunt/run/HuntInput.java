package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadProblem;
import java.util.List;
import java.util.Map;

/**
 * What a hunt reads: the inputs, how the report names them (the arguments as given), and what finding them met
 * before any was read: inputs and folders left out by reason (an {@code s3://} listing narrowed by account, region or
 * time) and problems (a prefix that could not be listed).
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

    /** Local inputs only: nothing was left out before reading. */
    public static HuntInput of(List<String> names, List<LogInput> inputs) {
        return new HuntInput(names, inputs, Map.of(), Map.of(), List.of());
    }
}
