package io.rsaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * What one reduce task gives the driver: the read tasks' results it received, its engines' outputs, and, for an
 * incremental run, the tail of its groups that the next run needs ({@link Tail}).
 */
record TaskOutput(ArrayList<PartResult> parts, ArrayList<EngineOutput> correlated, ArrayList<Tail> tail)
        implements Serializable {

    /** A match the next run needs, by rule id (indexes change when rules are added). */
    record Tail(String rule, ShippedEvent event) implements Serializable {}
}
