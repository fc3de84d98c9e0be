package io.rsaudit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.rule.CompiledRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import scala.Tuple2;

/**
 * An incremental run's state, {@code state.json} under the output: the files already read (name and size) and the
 * tail of the correlated rules' groups ({@link EvaluateTask}), so that a window crossing the boundary between two
 * runs is judged with the earlier run's matches. The next run reads only files the state does not list, feeds the
 * tail to the shuffle with its own matches, and leaves out alerts whose evidence lies wholly in earlier runs' files
 * (they were reported then). An alert that grows with new matches is reported again, with all its evidence.
 */
record State(Map<String, Long> files, List<TaskOutput.Tail> tail) {

    static final String FILE = "state.json";
    static final String SCHEMA = "rsaudit-spark-state/1";
    static final State EMPTY = new State(Map.of(), List.of());

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    State {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        tail = List.copyOf(tail);
    }

    Set<String> fileNames() {
        return files.keySet();
    }

    /** The state after a run that read {@code read} and left {@code newTail}. */
    State after(List<FileRef> read, List<TaskOutput.Tail> newTail) {
        Map<String, Long> all = new LinkedHashMap<>(files);
        read.forEach(f -> all.put(f.name(), f.size()));
        return new State(all, newTail);
    }

    /** The alerts with at least one evidence record outside the files of earlier runs. */
    List<Alert> withoutReported(List<Alert> alerts) {
        return alerts.stream()
                .filter(a -> a.evidence().stream()
                        .anyMatch(e -> !files.containsKey(e.origin().file())))
                .toList();
    }

    /** The tail as shuffle input, keyed by the current rules; a rule no longer run is dropped. */
    List<Tuple2<ShuffleKey, Serializable>> tailPairs(RuleSet.Spec spec) {
        RuleSet rules = RuleSet.of(spec);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.rules.size(); i++) {
            index.put(rules.rules.get(i).rule().id(), i);
        }
        List<Tuple2<ShuffleKey, Serializable>> out = new ArrayList<>();
        for (TaskOutput.Tail t : tail) {
            Integer i = index.get(t.rule());
            if (i == null) {
                continue;
            }
            CompiledRule r = rules.rules.get(i);
            if (r.correlation() == null || r.match(t.event().event()) == 0) {
                continue;
            }
            out.add(new Tuple2<>(new ShuffleKey.Group(i, r.key(t.event().event())), t.event()));
        }
        return out;
    }

    static State read(String output, Configuration conf) throws IOException {
        Store store = Store.of(output, conf);
        String path = store.child(output, FILE);
        if (store.stat(path) == null) {
            return EMPTY;
        }
        JsonNode root;
        try (InputStream in = store.open(path)) {
            root = JSON.readTree(in);
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(path + ": not a state file of schema " + SCHEMA);
        }
        Map<String, Long> files = new LinkedHashMap<>();
        for (JsonNode f : root.path("files")) {
            files.put(f.path("name").asText(), f.path("size").asLong());
        }
        List<TaskOutput.Tail> tail = new ArrayList<>();
        for (JsonNode t : root.path("tail")) {
            tail.add(new TaskOutput.Tail(t.path("rule").asText(), event(t.path("event"))));
        }
        return new State(files, tail);
    }

    void write(String output, Configuration conf) throws IOException {
        Store store = Store.of(output, conf);
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode fs = root.putArray("files");
        files.forEach((name, size) -> fs.addObject().put("name", name).put("size", size));
        ArrayNode ts = root.putArray("tail");
        for (TaskOutput.Tail t : tail) {
            ObjectNode o = ts.addObject();
            o.put("rule", t.rule());
            o.set("event", json(t.event()));
        }
        try (OutputStream out = store.create(store.child(output, FILE))) {
            JSON.writeValue(out, root);
        }
    }

    private static ObjectNode json(ShippedEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", e.type().name());
        o.put("time", e.time() == null ? null : e.time().toString());
        o.put("account", e.account());
        o.put("region", e.region());
        o.put("cluster", e.cluster());
        o.put("database", e.database());
        o.put("user", e.user());
        o.put("sourceAddress", e.sourceAddress());
        o.put("action", e.action());
        o.put("sql", e.sql());
        o.put("outcome", e.outcome().name());
        o.put("tlsVersion", e.tlsVersion());
        ObjectNode f = o.putObject("fields");
        e.fields().forEach(f::put);
        o.put("file", e.file());
        o.put("line", e.line());
        o.put("index", e.index());
        return o;
    }

    private static ShippedEvent event(JsonNode o) {
        HashMap<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
        }
        return new ShippedEvent(
                LogType.valueOf(o.path("type").asText()),
                o.path("time").isNull() ? null : Instant.parse(o.path("time").asText()),
                text(o, "account"),
                text(o, "region"),
                text(o, "cluster"),
                text(o, "database"),
                text(o, "user"),
                text(o, "sourceAddress"),
                text(o, "action"),
                text(o, "sql"),
                EventOutcome.valueOf(o.path("outcome").asText()),
                text(o, "tlsVersion"),
                fields,
                o.path("file").asText(),
                o.path("line").asLong(),
                o.path("index").asLong());
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
