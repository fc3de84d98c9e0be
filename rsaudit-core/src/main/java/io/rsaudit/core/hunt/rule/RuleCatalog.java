package io.rsaudit.core.hunt.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rules a hunt runs: the built-ins shipped in the jar (listed, sorted, in {@code rules/index.txt}), plus or
 * replaced by a user's folder of rule files, by id.
 */
public final class RuleCatalog {

    private static final String BASE = "/io/rsaudit/core/hunt/rules/";

    private final Map<String, Rule> rules;

    private RuleCatalog(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** The catalog and what was wrong with the user's files; with problems, the catalog is not to be used. */
    public record Loaded(RuleCatalog catalog, List<RuleProblem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    /** The built-in rules. A broken built-in is a bug in rsaudit, so it throws. */
    public static RuleCatalog builtIn() {
        Map<String, Rule> rules = new TreeMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : builtInFiles()) {
            String text = resource(name);
            RuleLoader.Loaded l = RuleLoader.load("built-in:" + name, text);
            problems.addAll(l.problems());
            l.rule().ifPresent(r -> {
                if (rules.put(r.id(), r) != null) {
                    problems.add(new RuleProblem("built-in:" + name, 0, "id", r.id() + " is given twice"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("broken built-in rules: " + problems);
        }
        return new RuleCatalog(rules);
    }

    /** The names of the built-in rule files, in index order. */
    public static List<String> builtInFiles() {
        return resource("index.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** This catalog with the rules of every {@code .yaml}/{@code .yml} file under {@code dir}, by id. */
    public Loaded with(Path dir) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Rule> merged = new TreeMap<>(rules);
        Map<String, String> seen = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new RuleProblem(dir.toString(), 0, "", "not a directory"));
            return new Loaded(this, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new RuleProblem(dir.toString(), 0, "", "cannot list: " + e.getMessage()));
            return new Loaded(this, problems);
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                problems.add(new RuleProblem(f.toString(), 0, "", "cannot read: " + e.getMessage()));
                continue;
            }
            RuleLoader.Loaded l = RuleLoader.load(f.toString(), text);
            problems.addAll(l.problems());
            l.rule().ifPresent(r -> {
                String before = seen.put(r.id(), f.toString());
                if (before != null) {
                    problems.add(new RuleProblem(f.toString(), 0, "id", r.id() + " is also the id of " + before));
                }
                merged.put(r.id(), r);
            });
        }
        if (files.isEmpty()) {
            problems.add(new RuleProblem(dir.toString(), 0, "", "holds no .yaml or .yml rule file"));
        }
        return new Loaded(new RuleCatalog(merged), problems);
    }

    /** The rules, by id. */
    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    public Set<String> ids() {
        return rules.keySet();
    }

    private static String resource(String name) {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in rule resource missing: " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
