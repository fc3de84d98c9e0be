package io.rsaudit.core.hunt.rule;

import java.time.Duration;
import java.util.List;

/**
 * What a rule does with its matching events beyond alerting on each: all four group them by the values of the
 * {@code by} fields and look at each group in time order, after the whole input is read (so events may arrive
 * out of order across files).
 */
public sealed interface Correlation {

    List<String> by();

    /**
     * Alert when at least {@code atLeast} events (or distinct values of {@code distinct}) fall within
     * {@code within}; overlapping windows make one alert.
     */
    record Aggregation(String distinct, List<String> by, Duration within, int atLeast) implements Correlation {
        public Aggregation {
            by = List.copyOf(by);
        }
    }

    /**
     * Alert when the steps happen in order for the same key, all within {@code within} of the first: step one
     * {@code atLeast} times, then step two, and so on.
     */
    record Sequence(List<Step> steps, List<String> by, Duration within) implements Correlation {
        public Sequence {
            steps = List.copyOf(steps);
            by = List.copyOf(by);
        }
    }

    /**
     * One step of a sequence. {@code inARow}: its {@code atLeast} events come with no event of the next step among
     * them (five failures in a row, not five failures among a service's thousand successes).
     */
    record Step(Condition condition, int atLeast, boolean inARow) {}

    /**
     * Alert when {@code field} goes from {@code from} to {@code to} between two consecutive matching events of
     * the same key (the user log's {@code usesuper} 0 then 1 for one user).
     */
    record Transition(String field, String from, String to, List<String> by) implements Correlation {
        public Transition {
            by = List.copyOf(by);
        }
    }

    /**
     * Alert on a value of one of the {@code of} fields not seen before for the same key, once the key has been
     * watched for {@code learning} from its first event in the input. Values seen during learning are the
     * baseline; each new value alerts once.
     */
    record Novelty(List<String> of, List<String> by, Duration learning) implements Correlation {
        public Novelty {
            of = List.copyOf(of);
            by = List.copyOf(by);
        }
    }
}
