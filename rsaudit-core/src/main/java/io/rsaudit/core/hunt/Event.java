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
        return switch (name) {
            case "type" -> type.fileName();
            case "time" -> time == null ? null : time.toString();
            case "account" -> account;
            case "region" -> region;
            case "cluster" -> cluster;
            case "database" -> database;
            case "user" -> user;
            case "sourceAddress" -> sourceAddress;
            case "action" -> action;
            case "sql" -> sql;
            case "outcome" -> outcome.name().toLowerCase(java.util.Locale.ROOT);
            case "tlsVersion" -> tlsVersion;
            default -> fields.get(name);
        };
    }
}
