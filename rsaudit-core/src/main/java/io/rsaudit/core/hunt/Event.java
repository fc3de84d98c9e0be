package io.rsaudit.core.hunt;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record of any log, in common terms, with the record's own fields kept verbatim.
 *
 * <p>Common fields are {@code null} when the format does not carry them. {@code fields} holds the raw fields by the
 * names the format uses: the connection log's column names ({@code event}, {@code remotehost}, {@code sslversion}...),
 * the user log's ({@code usesuper}...), the activity log's bracket keys ({@code db}, {@code user}, {@code pid},
 * {@code xid}...), and for CloudTrail every leaf of the record flattened to a dotted path
 * ({@code requestParameters.clusterIdentifier}, {@code userIdentity.arn}, list elements as {@code name.0}).
 * {@code fields} must be unmodifiable; parsers may hand in a compact map of their own rather than a copy, because
 * building one map per record is the hot path. SQL text and any other field that may carry a secret are redacted
 * before an Event is built, and the raw field {@code redactions} then names what was removed
 * ({@code password}, {@code aws-secret-access-key}, {@code aws-session-token}...), comma-separated.
 */
public record Event(
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
        Map<String, String> fields,
        Origin origin) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        outcome = outcome == null ? EventOutcome.UNKNOWN : outcome;
        Objects.requireNonNull(fields, "fields");
    }

    /**
     * The value a rule names: a common field by its record component name ({@code user}, {@code sourceAddress},
     * {@code action}, {@code sql}...), otherwise a raw field; {@code null} when the event has neither.
     */
    public String field(String name) {
        return field(slot(name), name);
    }

    /** Where {@link #field(String)} finds a name: 0..11 a common field, -1 the raw fields. Resolve once, read often. */
    public static int slot(String name) {
        return switch (name) {
            case "type" -> 0;
            case "time" -> 1;
            case "account" -> 2;
            case "region" -> 3;
            case "cluster" -> 4;
            case "database" -> 5;
            case "user" -> 6;
            case "sourceAddress" -> 7;
            case "action" -> 8;
            case "sql" -> 9;
            case "outcome" -> 10;
            case "tlsVersion" -> 11;
            default -> -1;
        };
    }

    /** The same event with another cluster and raw fields (what an enrichment adds to a record). */
    public Event with(String otherCluster, Map<String, String> otherFields) {
        return new Event(
                type,
                time,
                account,
                region,
                otherCluster,
                database,
                user,
                sourceAddress,
                action,
                sql,
                outcome,
                tlsVersion,
                otherFields,
                origin);
    }

    /** {@link #field(String)} for a name whose {@link #slot} is known. */
    public String field(int slot, String name) {
        return switch (slot) {
            case 0 -> type.fileName();
            case 1 -> time == null ? null : time.toString();
            case 2 -> account;
            case 3 -> region;
            case 4 -> cluster;
            case 5 -> database;
            case 6 -> user;
            case 7 -> sourceAddress;
            case 8 -> action;
            case 9 -> sql;
            case 10 -> outcome.name().toLowerCase(java.util.Locale.ROOT);
            case 11 -> tlsVersion;
            default -> fields.get(name);
        };
    }
}
