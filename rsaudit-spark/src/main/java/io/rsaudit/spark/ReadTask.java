package io.rsaudit.spark;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Correlation;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * One read task: reads its files whole with core's {@link LogReader}, runs core's engine over the single-record
 * rules, and hands on, keyed by (rule, group key), every event a correlated rule matches, then one {@link PartResult}.
 *
 * <p>A novelty rule's matches are thinned here, exactly: its alerts depend only on each key's earliest event and
 * on each value's earliest match in {@link HuntEngine#ORDER}, so only those leave the task (and every event
 * without a time, which the engine counts).
 */
final class ReadTask implements Function2<Integer, Iterator<FileRef>, Iterator<Tuple2<ShuffleKey, Serializable>>> {

    private final JobOptions options;
    private final SerializableConfiguration conf;

    ReadTask(JobOptions options, Configuration conf) {
        this.options = options;
        this.conf = new SerializableConfiguration(conf);
    }

    @Override
    public Iterator<Tuple2<ShuffleKey, Serializable>> call(Integer part, Iterator<FileRef> files) {
        RuleSet rules = RuleSet.of(options.rules());
        List<CompiledRule> singles = new ArrayList<>();
        rules.singles().forEach(i -> singles.add(rules.rules.get(i)));
        List<Integer> correlated = new ArrayList<>();
        for (int i = 0; i < rules.rules.size(); i++) {
            if (rules.rules.get(i).correlation() != null) {
                correlated.add(i);
            }
        }
        HuntEngine engine = new HuntEngine(singles);
        List<Tuple2<ShuffleKey, Serializable>> out = new ArrayList<>();
        Map<Integer, Novelties> novelties = new HashMap<>();
        List<LogInput> inputs = new ArrayList<>();
        ArrayList<FileRef> read = new ArrayList<>();
        while (files.hasNext()) {
            FileRef f = files.next();
            read.add(f);
            inputs.add(f.hadoop() ? new HadoopInput(f.name(), f.size(), conf.value()) : LogInput.of(Path.of(f.name())));
        }
        Object lock = new Object();
        ResourceUse inventory = options.inventory();
        ReadSummary summary = LogReader.read(inputs, options.read(), event -> {
            Event e = inventory == null ? event : inventory.enrich(event);
            engine.accept(e);
            synchronized (lock) {
                correlated(rules, correlated, novelties, out, e);
            }
        });
        novelties.forEach((i, n) -> n.kept().forEach((key, events) -> {
            for (Event e : events) {
                out.add(new Tuple2<>(new ShuffleKey.Group(i, key), ShippedEvent.of(e, rules.fields.get(i))));
            }
        }));
        out.add(new Tuple2<>(
                new ShuffleKey.Part(part),
                new PartResult(part, ReadData.of(summary), EngineOutput.of(engine.finish()), read)));
        return out.iterator();
    }

    /** Hands on (or, for a novelty rule, thins) the event for every correlated rule it matches. */
    private static void correlated(
            RuleSet rules,
            List<Integer> correlated,
            Map<Integer, Novelties> novelties,
            List<Tuple2<ShuffleKey, Serializable>> out,
            Event e) {
        for (int i : correlated) {
            CompiledRule r = rules.rules.get(i);
            if (r.match(e) == 0) {
                continue;
            }
            if (r.correlation() instanceof Correlation.Novelty n && e.time() != null) {
                novelties.computeIfAbsent(i, x -> new Novelties(r, n)).add(e);
            } else {
                out.add(new Tuple2<>(new ShuffleKey.Group(i, r.key(e)), ShippedEvent.of(e, rules.fields.get(i))));
            }
        }
    }

    /** Per key of one novelty rule: the earliest event, and per field and value the earliest match. */
    static final class Novelties {
        final CompiledRule rule;
        final Correlation.Novelty novelty;
        final Map<List<String>, Event> first = new HashMap<>();
        final Map<List<String>, Map<String, Event>> firstOfValue = new HashMap<>();

        Novelties(CompiledRule rule, Correlation.Novelty novelty) {
            this.rule = rule;
            this.novelty = novelty;
        }

        void add(Event e) {
            List<String> key = rule.key(e);
            first.merge(key, e, Novelties::earlier);
            Map<String, Event> values = firstOfValue.computeIfAbsent(key, k -> new HashMap<>());
            for (String f : novelty.of()) {
                String v = rule.field(e, f);
                if (v != null && !v.isBlank()) {
                    // the field's name and its value, apart: a value may hold any character
                    values.merge(f.length() + ":" + f + v, e, Novelties::earlier);
                }
            }
        }

        static Event earlier(Event a, Event b) {
            return HuntEngine.ORDER.compare(b, a) < 0 ? b : a;
        }

        /** Per key, the distinct events kept. */
        Map<List<String>, List<Event>> kept() {
            Map<List<String>, List<Event>> out = new HashMap<>();
            first.forEach((key, e) -> {
                List<Event> list = new ArrayList<>();
                list.add(e);
                for (Event v : firstOfValue.getOrDefault(key, Map.of()).values()) {
                    if (list.stream().noneMatch(x -> x == v)) {
                        list.add(v);
                    }
                }
                out.put(key, list);
            });
            return out;
        }
    }
}
