package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.model.Severity;
import java.time.Instant;
import java.util.List;

/**
 * What a hunt report opens with, known before the first record is read.
 *
 * @param inputs the inputs as given (paths, {@code s3://} prefixes, {@code cloudwatch:} groups)
 * @param policy where the policy came from ({@code built-in defaults} or its file)
 * @param rules the rules run, built-in and added, as compiled against the policy
 * @param failOn alerts at or above it make the verdict FINDINGS; {@code null} for never
 */
public record HuntHeader(
        String toolVersion, Instant startedAt, List<String> inputs, String policy, List<Rule> rules, Severity failOn) {

    public HuntHeader {
        inputs = List.copyOf(inputs);
        rules = List.copyOf(rules);
    }
}
