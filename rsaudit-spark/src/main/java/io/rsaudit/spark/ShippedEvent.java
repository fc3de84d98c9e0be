package io.rsaudit.spark;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;

/**
 * An {@link Event} as it crosses a shuffle or reaches the driver: every common field, every raw field, and the
 * origin, so that the event rebuilt on the other side matches, keys and reads exactly as the one the reader made.
 */
record ShippedEvent(
        LogType type,
        Instant time,
        String account,
        String region,
        String cluster,
        String database,
        String user,
        String sourceAddress,
        String action,
        String sql,
        EventOutcome outcome,
        String tlsVersion,
        HashMap<String, String> fields,
        String file,
        long line,
        long index)
        implements Serializable {

    static ShippedEvent of(Event e) {
        return of(e, name -> true);
    }

    /** With only the raw fields {@code keep} names (the common fields and the origin always). */
    static ShippedEvent of(Event e, java.util.function.Predicate<String> keep) {
        HashMap<String, String> fields = new HashMap<>();
        e.fields().forEach((k, v) -> {
            if (keep.test(k)) {
                fields.put(k, v);
            }
        });
        return new ShippedEvent(
                e.type(),
                e.time(),
                e.account(),
                e.region(),
                e.cluster(),
                e.database(),
                e.user(),
                e.sourceAddress(),
                e.action(),
                e.sql(),
                e.outcome(),
                e.tlsVersion(),
                fields,
                e.origin().file(),
                e.origin().line(),
                e.origin().index());
    }

    Event event() {
        return new Event(
                type,
                time,
                account,
                region,
                cluster,
                database,
                user,
                sourceAddress,
                action,
                sql,
                outcome,
                tlsVersion,
                Collections.unmodifiableMap(fields),
                new Origin(file, line, index));
    }
}
