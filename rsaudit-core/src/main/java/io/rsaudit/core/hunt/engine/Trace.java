package io.rsaudit.core.hunt.engine;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine keeps of a matching event besides its time and place: the common fields the report prints, the
 * raw field {@code redactions}, and the CloudTrail record index. The raw fields are dropped, which is most of an
 * Event's weight. Equal traces are stored once (a user's logins from one host differ only in time and line), so a
 * kept match costs its time, its place and one reference.
 */
record Trace(
        LogType type,
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
        String redactions,
        Map<String, String> details,
        long index) {

    /** With {@code details}: the raw fields the alert shows (a CloudTrail call's ids and request parameters). */
    static Trace of(Event e, Map<String, String> details) {
        return new Trace(
                e.type(),
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
                e.fields().get("redactions"),
                details.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details)),
                e.origin().index());
    }

    /**
     * Written out rather than left to the record's generated one: that one is a chain of method handles, which C2
     * compiles into calls when the hunt bounds its inlining, and the engine hashes a trace per kept match.
     */
    @Override
    public int hashCode() {
        int h = type.hashCode();
        h = 31 * h + Objects.hashCode(account);
        h = 31 * h + Objects.hashCode(region);
        h = 31 * h + Objects.hashCode(cluster);
        h = 31 * h + Objects.hashCode(database);
        h = 31 * h + Objects.hashCode(user);
        h = 31 * h + Objects.hashCode(sourceAddress);
        h = 31 * h + Objects.hashCode(action);
        h = 31 * h + Objects.hashCode(sql);
        h = 31 * h + Objects.hashCode(outcome);
        h = 31 * h + Objects.hashCode(tlsVersion);
        h = 31 * h + Objects.hashCode(redactions);
        h = 31 * h + details.hashCode();
        return 31 * h + Long.hashCode(index);
    }

    /** Every component equal (see {@link #hashCode} for why it is written out). */
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Trace t
                        && type == t.type
                        && index == t.index
                        && outcome == t.outcome
                        && Objects.equals(user, t.user)
                        && Objects.equals(sourceAddress, t.sourceAddress)
                        && Objects.equals(sql, t.sql)
                        && Objects.equals(action, t.action)
                        && Objects.equals(cluster, t.cluster)
                        && Objects.equals(database, t.database)
                        && Objects.equals(account, t.account)
                        && Objects.equals(region, t.region)
                        && Objects.equals(tlsVersion, t.tlsVersion)
                        && Objects.equals(redactions, t.redactions)
                        && details.equals(t.details);
    }

    /**
     * Whether this is equal to the trace of the event without details ({@link #of} with none), compared field by
     * field without making that trace.
     */
    boolean isOf(Event e) {
        return details.isEmpty()
                && type == e.type()
                && index == e.origin().index()
                && outcome == e.outcome()
                && Objects.equals(user, e.user())
                && Objects.equals(sourceAddress, e.sourceAddress())
                && Objects.equals(sql, e.sql())
                && Objects.equals(action, e.action())
                && Objects.equals(cluster, e.cluster())
                && Objects.equals(database, e.database())
                && Objects.equals(account, e.account())
                && Objects.equals(region, e.region())
                && Objects.equals(tlsVersion, e.tlsVersion())
                && Objects.equals(redactions, e.fields().get("redactions"));
    }

    /**
     * A hash of the fields {@link #isOf} compares, cheap to take per kept match: the parsers share repeated values,
     * whose hashes their strings keep; a statement counts by its length, not its text.
     */
    static int hashOf(Event e) {
        int h = e.type().hashCode();
        h = 31 * h + Objects.hashCode(e.user());
        h = 31 * h + Objects.hashCode(e.sourceAddress());
        h = 31 * h + Objects.hashCode(e.action());
        h = 31 * h + Objects.hashCode(e.database());
        h = 31 * h + Objects.hashCode(e.cluster());
        h = 31 * h + (e.sql() == null ? 0 : e.sql().length());
        h = 31 * h + Long.hashCode(e.origin().index());
        return h ^ h >>> 16;
    }

    /**
     * A rough size in bytes, for the engine's memory budget: the object and its entry in the engine's map of traces,
     * and the text it alone holds. The parsers of the Redshift logs take repeated values (users, hosts, databases,
     * events) from a cache, so those are shared; a statement, the redactions and CloudTrail's values are not.
     */
    long weight() {
        long w = 112 + text(sql) + text(redactions) + (type == LogType.CLOUDTRAIL ? text(action) : 0);
        for (Map.Entry<String, String> d : details.entrySet()) {
            w += 48 + text(d.getKey()) + text(d.getValue());
        }
        return w;
    }

    private static long text(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }

    /** The event again, with the raw fields reduced to {@code redactions}. */
    Event event(Instant time, String file, long line) {
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
                fields(),
                new Origin(file, line, index));
    }

    /** The raw fields the evidence keeps: the details, then {@code redactions}. */
    private Map<String, String> fields() {
        if (details.isEmpty()) {
            return redactions == null ? Map.of() : Map.of("redactions", redactions);
        }
        Map<String, String> m = new LinkedHashMap<>(details);
        if (redactions != null) {
            m.put("redactions", redactions);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
