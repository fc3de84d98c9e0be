package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.inventory.ResourceUse;
import io.rsaudit.core.hunt.read.EventSink;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.CompiledRule;
import io.rsaudit.core.hunt.rule.Rule;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hunt, for any front end (the CLI, a test, a batch job): reads the log inputs, runs the rules compiled against
 * the policy over every event, and hands the header, then each alert, to a {@link HuntListener}; returns the
 * summary. Reading streams (memory does not grow with the input); alerts are bounded per rule by the engine. Nothing
 * here prints, exits or decides an exit code.
 */
public final class Hunt {

    private final List<CompiledRule> rules;
    private final Policy policy;
    private final Clock clock;
    private final String toolVersion;
    private final ResourceUse inventory;

    /**
     * Compiles {@code rules} against {@code policy}.
     *
     * @throws IllegalArgumentException when a rule names a policy list the policy lacks or cannot use
     */
    public Hunt(List<Rule> rules, Policy policy, Clock clock, String toolVersion) {
        this(rules, policy, clock, toolVersion, null);
    }

    /**
     * As {@link #Hunt(List, Policy, Clock, String)}, with what an estate inventory says of the security groups the
     * records name ({@code null}: no inventory, so the inventory fields stay absent and rules say they cannot tell).
     */
    public Hunt(List<Rule> rules, Policy policy, Clock clock, String toolVersion, ResourceUse inventory) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.rules = rules.stream().map(r -> CompiledRule.of(r, policy)).toList();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.inventory = inventory;
    }

    /** The rules that match nothing because a policy list they need is empty: {@link HuntHeader#idle()}. */
    public Map<String, List<String>> idle() {
        return HuntHeader.idle(rules);
    }

    /** The rules as compiled against the policy, in the catalog's order. */
    public List<Rule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /**
     * Hunts through {@code input}.
     *
     * @param options which records to read (types, accounts, regions, clusters, time window)
     * @param failOn alerts at or above it make the verdict FINDINGS; {@code null} for never
     */
    public HuntSummary run(HuntInput input, ReadOptions options, Severity failOn, HuntListener listener) {
        Instant started = clock.instant();
        listener.started(new HuntHeader(toolVersion, started, input.names(), policy.source(), rules(), idle(), failOn));
        HuntEngine engine = HuntEngine.sizedToHeap(rules, Runtime.getRuntime().maxMemory());
        EventSink sink = inventory == null ? engine::accept : inventory.wrap(engine::accept);
        ReadSummary read = LogReader.read(input.inputs(), options, sink)
                .including(input.leftOut(), input.foldersLeftOut(), input.problems());
        listener.read(read);
        HuntEngine.Result result = engine.finish();
        List<String> notes = result.notes();
        if (inventory != null && !inventory.notes().isEmpty()) {
            notes = new ArrayList<>(notes);
            notes.addAll(inventory.notes());
        }
        notes = HuntSummary.withNothingRead(notes, read);
        long atThreshold = 0;
        for (Alert a : result.alerts()) {
            if (failOn != null && a.level().atLeast(failOn)) {
                atThreshold++;
            }
            listener.alert(a);
        }
        return new HuntSummary(
                clock.instant(),
                read,
                notes,
                result.alerts().size(),
                atThreshold,
                HuntSummary.verdict(atThreshold, read, notes));
    }
}
