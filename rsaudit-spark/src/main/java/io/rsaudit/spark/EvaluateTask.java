package io.rsaudit.spark;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Correlation;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * One reduce task: every match of a (rule, group key) arrives here, so core's engine, one per rule, holding the
 * task's whole groups, orders each group in time and judges its windows with the local hunt's code. Read tasks'
 * results pass through to the driver.
 *
 * <p>For an incremental run the task also keeps each group's tail, what a later run's records may still combine
 * with: for an aggregation or a sequence the matches within the rule's window of the group's latest; for a
 * transition the latest match; for a novelty the key's earliest event and each value's earliest match (the
 * baseline).
 */
final class EvaluateTask implements FlatMapFunction<Iterator<Tuple2<ShuffleKey, Serializable>>, TaskOutput> {

    private final RuleSet.Spec spec;
    private final boolean tail;

    EvaluateTask(RuleSet.Spec spec, boolean tail) {
        this.spec = spec;
        this.tail = tail;
    }

    @Override
    public Iterator<TaskOutput> call(Iterator<Tuple2<ShuffleKey, Serializable>> items) {
        RuleSet rules = RuleSet.of(spec);
        TreeMap<Integer, HuntEngine> engines = new TreeMap<>();
        ArrayList<PartResult> parts = new ArrayList<>();
        Map<ShuffleKey.Group, List<Event>> windows = new HashMap<>();
        Map<Integer, ReadTask.Novelties> baselines = new HashMap<>();
        while (items.hasNext()) {
            Tuple2<ShuffleKey, Serializable> item = items.next();
            if (item._1() instanceof ShuffleKey.Group g) {
                CompiledRule rule = rules.rules.get(g.rule);
                Event e = ((ShippedEvent) item._2()).event();
                engines.computeIfAbsent(g.rule, i -> new HuntEngine(List.of(rule)))
                        .accept(e);
                if (tail && e.time() != null) {
                    keep(rule, g, e, windows, baselines);
                }
            } else {
                parts.add((PartResult) item._2());
            }
        }
        ArrayList<EngineOutput> correlated = new ArrayList<>();
        engines.values().forEach(e -> correlated.add(EngineOutput.of(e.finish())));
        ArrayList<TaskOutput.Tail> kept = new ArrayList<>();
        windows.forEach((g, events) -> {
            CompiledRule rule = rules.rules.get(g.rule);
            for (Event e : prune(rule, events)) {
                kept.add(new TaskOutput.Tail(rule.rule().id(), ShippedEvent.of(e)));
            }
        });
        baselines.forEach((i, n) -> n.kept()
                .values()
                .forEach(list -> list.forEach(e ->
                        kept.add(new TaskOutput.Tail(rules.rules.get(i).rule().id(), ShippedEvent.of(e))))));
        return List.of(new TaskOutput(parts, correlated, kept)).iterator();
    }

    private static void keep(
            CompiledRule rule,
            ShuffleKey.Group g,
            Event e,
            Map<ShuffleKey.Group, List<Event>> windows,
            Map<Integer, ReadTask.Novelties> baselines) {
        if (rule.correlation() instanceof Correlation.Novelty n) {
            baselines
                    .computeIfAbsent(g.rule, x -> new ReadTask.Novelties(rule, n))
                    .add(e);
            return;
        }
        List<Event> list = windows.computeIfAbsent(g, x -> new ArrayList<>());
        list.add(e);
        if (list.size() >= 64 && Integer.bitCount(list.size()) == 1) {
            List<Event> pruned = prune(rule, list);
            list.clear();
            list.addAll(pruned);
        }
    }

    /** The group's matches a later run may still need. */
    private static List<Event> prune(CompiledRule rule, List<Event> events) {
        Event latest = events.get(0);
        for (Event e : events) {
            if (HuntEngine.ORDER.compare(e, latest) > 0) {
                latest = e;
            }
        }
        Duration window = window(rule.correlation());
        if (window == null) {
            return List.of(latest);
        }
        Instant from = latest.time().minus(window);
        return events.stream().filter(e -> !e.time().isBefore(from)).toList();
    }

    /** An aggregation's or a sequence's window; {@code null} for a transition (only the latest counts). */
    private static Duration window(Correlation c) {
        if (c instanceof Correlation.Aggregation a) {
            return a.within();
        }
        if (c instanceof Correlation.Sequence q) {
            return q.within();
        }
        return null;
    }
}
