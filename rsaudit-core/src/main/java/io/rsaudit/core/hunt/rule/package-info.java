/**
 * The detection-rule language: one YAML file per rule, shaped after Sigma ({@code docs/rules.md}).
 *
 * <p>In: rule files (the built-ins in the jar, listed in {@code rules/index.txt}, and a user's folder) and the
 * {@link io.rsaudit.core.policy.Policy} that rules reference for allow-lists and thresholds. Out: validated,
 * immutable {@link io.rsaudit.core.hunt.rule.Rule}s, and {@link io.rsaudit.core.hunt.rule.CompiledRule}s that
 * answer whether one {@link io.rsaudit.core.hunt.Event} matches and under which key it is correlated. A file with
 * problems yields a {@link io.rsaudit.core.hunt.rule.RuleProblem} per problem, each naming file, line and field;
 * the other files still load.
 */
package io.rsaudit.core.hunt.rule;
