package io.rsaudit.spark;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.model.Severity;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link Alert} as a task hands it to the driver; {@link #alert()} gives it back whole. */
record AlertData(
        String ruleId,
        String title,
        Severity level,
        ArrayList<String> tags,
        Instant first,
        Instant last,
        String actor,
        String sourceAddress,
        String cluster,
        String account,
        String region,
        String summary,
        long eventCount,
        ArrayList<ShippedEvent> evidence,
        ArrayList<String> key)
        implements Serializable {

    static AlertData of(Alert a) {
        ArrayList<ShippedEvent> evidence = new ArrayList<>(a.evidence().size());
        a.evidence().forEach(e -> evidence.add(ShippedEvent.of(e)));
        return new AlertData(
                a.ruleId(),
                a.title(),
                a.level(),
                new ArrayList<>(a.tags()),
                a.first(),
                a.last(),
                a.actor(),
                a.sourceAddress(),
                a.cluster(),
                a.account(),
                a.region(),
                a.summary(),
                a.eventCount(),
                evidence,
                new ArrayList<>(a.key()));
    }

    Alert alert() {
        return new Alert(
                ruleId,
                title,
                level,
                tags,
                first,
                last,
                actor,
                sourceAddress,
                cluster,
                account,
                region,
                summary,
                eventCount,
                evidence.stream().map(ShippedEvent::event).toList(),
                key);
    }

    static List<AlertData> all(List<Alert> alerts) {
        return alerts.stream().map(AlertData::of).toList();
    }
}
