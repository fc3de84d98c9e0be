package io.rsaudit.spark;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.engine.HuntEngine;
import io.rsaudit.core.hunt.engine.Incidents;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import io.rsaudit.core.hunt.rule.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On the driver: what the tasks found, merged as core's engine merges one rule's groups. Per rule, its alerts from
 * every task in the engine's order, the earliest {@link HuntEngine#ALERT_LIMIT} kept, then all rules in the
 * engine's order; every task's read counts summed, its problems listed in file order; every task's notes added up
 * per rule and kind; then one alert per incident across rules ({@link Incidents}), as the engine does.
 */
final class Merge {

    /** The engine's order of alerts: first time (none last), rule, then the first evidence in event order. */
    static final Comparator<Alert> ALERT_ORDER = Comparator.comparing(
                    Alert::first, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Alert::ruleId)
            .thenComparing(a -> a.evidence().get(0), HuntEngine.ORDER);

    private static final Pattern LIMIT_NOTE = Pattern.compile("(\\S+): (\\d+) alerts; the earliest \\d+ are reported");
    private static final Pattern COUNT_NOTE = Pattern.compile("(\\S+): (\\d+)( of (\\d+))? (.*)", Pattern.DOTALL);

    private Merge() {}

    /** The alerts and notes of many engines that each saw whole groups of the rules. */
    record Judged(List<Alert> alerts, List<String> notes) {}

    static Judged alerts(List<Rule> rules, List<EngineOutput> outputs) {
        Map<String, List<Alert>> byRule = new LinkedHashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, Map<String, long[]>> counted = new HashMap<>();
        for (Rule r : rules) {
            byRule.put(r.id(), new ArrayList<>());
        }
        for (EngineOutput out : outputs) {
            Map<String, Long> limited = new HashMap<>();
            for (String note : out.notes()) {
                Matcher m = LIMIT_NOTE.matcher(note);
                if (m.matches()) {
                    limited.put(m.group(1), Long.parseLong(m.group(2)));
                    continue;
                }
                Matcher c = COUNT_NOTE.matcher(note);
                String rule = c.matches() ? c.group(1) : "";
                String kind = c.matches() ? (c.group(3) == null ? "" : "of") + "|" + c.group(5) : note;
                long[] n = counted.computeIfAbsent(rule, x -> new LinkedHashMap<>())
                        .computeIfAbsent(kind, x -> new long[2]);
                if (c.matches()) {
                    n[0] += Long.parseLong(c.group(2));
                    n[1] += c.group(4) == null ? 0 : Long.parseLong(c.group(4));
                }
            }
            Map<String, Long> made = new HashMap<>();
            for (AlertData a : out.alerts()) {
                byRule.computeIfAbsent(a.ruleId(), x -> new ArrayList<>()).add(a.alert());
                made.merge(a.ruleId(), 1L, Long::sum);
            }
            made.forEach((rule, n) -> totals.merge(rule, limited.getOrDefault(rule, n), Long::sum));
            limited.forEach((rule, n) -> {
                if (!made.containsKey(rule)) {
                    totals.merge(rule, n, Long::sum);
                }
            });
        }
        List<Alert> alerts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<Alert>> e : byRule.entrySet()) {
            String rule = e.getKey();
            counted.getOrDefault(rule, Map.of()).forEach((kind, n) -> notes.add(note(rule, kind, n)));
            List<Alert> list = e.getValue();
            list.sort(ALERT_ORDER); // stable: ties keep the engine's order within one task
            long total = totals.getOrDefault(rule, 0L);
            if (total > HuntEngine.ALERT_LIMIT) {
                notes.add(rule + ": " + total + " alerts; the earliest " + HuntEngine.ALERT_LIMIT + " are reported");
            }
            alerts.addAll(list.subList(0, Math.min(list.size(), HuntEngine.ALERT_LIMIT)));
        }
        counted.getOrDefault("", Map.of()).keySet().forEach(notes::add);
        alerts = new ArrayList<>(Incidents.join(rules, alerts));
        alerts.sort(ALERT_ORDER);
        return new Judged(alerts, notes);
    }

    private static String note(String rule, String kind, long[] n) {
        int bar = kind.indexOf('|');
        String rest = kind.substring(bar + 1);
        return rule + ": " + n[0] + (kind.startsWith("of|") ? " of " + n[1] : "") + " " + rest;
    }

    /** The read tasks' summaries, in file order, as one. */
    static ReadSummary read(List<ReadData> parts) {
        long files = 0;
        long bytes = 0;
        long decoded = 0;
        long records = 0;
        long events = 0;
        long malformed = 0;
        long problemCount = 0;
        Instant first = null;
        Instant last = null;
        Map<String, Long> skipped = new HashMap<>();
        Map<String, Long> filtered = new HashMap<>();
        Map<LogType, Long> perType = new HashMap<>();
        List<ReadProblem> problems = new ArrayList<>();
        for (ReadData d : parts) {
            ReadSummary s = d.summary();
            files += s.files();
            bytes += s.bytes();
            decoded += s.decodedBytes();
            records += s.records();
            events += s.events();
            malformed += s.malformed();
            problemCount += s.problemCount();
            if (s.first() != null && (first == null || s.first().isBefore(first))) {
                first = s.first();
            }
            if (s.last() != null && (last == null || s.last().isAfter(last))) {
                last = s.last();
            }
            s.skippedFiles().forEach((k, v) -> skipped.merge(k, v, Long::sum));
            s.filtered().forEach((k, v) -> filtered.merge(k, v, Long::sum));
            s.perType().forEach((k, v) -> perType.merge(k, v, Long::sum));
            problems.addAll(s.problems());
        }
        return new ReadSummary(
                files,
                skipped,
                Map.of(),
                bytes,
                decoded,
                records,
                events,
                filtered,
                malformed,
                first,
                last,
                perType,
                problemCount,
                problems);
    }
}
