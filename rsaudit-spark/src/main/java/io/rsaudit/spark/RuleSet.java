package io.rsaudit.spark;

import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Correlation;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.hunt.rule.RuleCatalog;
import io.rsaudit.core.hunt.rule.RuleProblem;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyException;
import io.rsaudit.core.policy.PolicyLoader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The rules of a run, compiled against its policy exactly as {@code rsaudit hunt} compiles them (core's built-in
 * catalog, the added rule files, core's policy loader), in the catalog's order. Each JVM compiles a {@link Spec}
 * once.
 */
final class RuleSet {

    /**
     * What executors need to compile the rules: the policy's text and the added rule files' texts, read once on the
     * driver (executors may not see the driver's files).
     *
     * @param policyName where the policy came from, as the report names it; {@code null} for the defaults
     * @param ruleFiles added rule files by file name ({@code --rules}); empty for the built-in rules only
     */
    record Spec(String policyName, String policyText, TreeMap<String, String> ruleFiles) implements Serializable {

        static Spec builtIn() {
            return new Spec(null, null, new TreeMap<>());
        }
    }

    private static final Map<Spec, RuleSet> COMPILED = new ConcurrentHashMap<>();

    final List<CompiledRule> rules;
    final Policy policy;
    /** Per rule, the raw fields it reads ({@link RuleFields}). */
    final List<java.util.function.Predicate<String>> fields;

    private RuleSet(List<CompiledRule> rules, Policy policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
        this.fields = rules.stream().map(r -> RuleFields.of(r.rule())).toList();
    }

    /** @throws IllegalArgumentException naming the rule files' problems or the policy's */
    static RuleSet of(Spec spec) {
        return COMPILED.computeIfAbsent(spec, RuleSet::compile);
    }

    List<Rule> plain() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /** {@link io.rsaudit.core.hunt.run.HuntHeader#idle()} of these rules. */
    Map<String, List<String>> idle() {
        return HuntHeader.idle(rules);
    }

    /** Indexes of the rules that alert on each matching event. */
    List<Integer> singles() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).correlation() == null) {
                out.add(i);
            }
        }
        return out;
    }

    boolean novelty(int rule) {
        return rules.get(rule).correlation() instanceof Correlation.Novelty;
    }

    private static RuleSet compile(Spec spec) {
        try {
            RuleCatalog catalog = RuleCatalog.builtIn();
            Path tmp = null;
            if (!spec.ruleFiles().isEmpty()) {
                tmp = Files.createTempDirectory("rsaudit-rules");
                for (Map.Entry<String, String> f : spec.ruleFiles().entrySet()) {
                    Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                }
                RuleCatalog.Loaded l = catalog.with(tmp);
                if (!l.problems().isEmpty()) {
                    throw new IllegalArgumentException("rules: " + l.problems().size() + " problem(s):\n  - "
                            + l.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n  - ")));
                }
                catalog = l.catalog();
            }
            Policy policy = Policy.defaults();
            if (spec.policyText() != null) {
                Path file = Files.createTempFile("rsaudit-policy", ".yaml");
                Files.writeString(file, spec.policyText(), StandardCharsets.UTF_8);
                try {
                    policy = new PolicyLoader(CheckCatalog.builtInIds(), catalog.ids()).load(file);
                } catch (PolicyException e) {
                    throw new IllegalArgumentException("policy " + spec.policyName() + ": " + e.getMessage(), e);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            Policy p = policy;
            List<CompiledRule> compiled =
                    catalog.all().stream().map(r -> CompiledRule.of(r, p)).toList();
            if (tmp != null) {
                try (var files = Files.list(tmp)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(tmp);
            }
            return new RuleSet(compiled, policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
