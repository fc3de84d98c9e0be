package io.rsaudit.core.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.KeyRotations;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.ScopedName;
import io.rsaudit.core.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code cloudtrail lookup-events} (the region's {@code RotateEncryptionKey} events of the
 * {@link KeyRotations#LOOKUP_WINDOW} before the collection) into the key rotations of one account-region: the period it covers, which
 * is the window the lookup asked for, ending at the account's collection time, and each cluster's latest successful
 * rotation ({@code eventSource} {@code redshift.amazonaws.com}, no {@code errorCode} in the {@code CloudTrailEvent}).
 * A lookup that failed, was not collected, or cannot be read whole leaves the scope unread, with that reason: a
 * missing event would hide a rotation.
 */
final class LookupEventsReader {

    static final Duration WINDOW = KeyRotations.LOOKUP_WINDOW;

    static final String ROTATE = "RotateEncryptionKey";
    static final String SOURCE = "redshift.amazonaws.com";

    static final Projection EVENT =
            Projection.of(AwsShapes.EVENT, "EventName", "EventSource", "EventTime", "CloudTrailEvent");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportReader export;

    LookupEventsReader(ExportReader export) {
        this.export = export;
    }

    /** @param collectedAt when the account was collected: the end of the lookup's window; {@code null} if unknown */
    KeyRotations rotations(Scope scope, Instant collectedAt) {
        AwsCliCall call = AwsCliCall.CLOUDTRAIL_LOOKUP_EVENTS;
        CallOutput out = export.output(scope, call, null);
        Provenance where = Provenance.of(export.export.location(scope, call, null), "");
        if (out instanceof CallOutput.Missing m) {
            return unread(scope, Value.unknown(where, m.kind(), m.reason()));
        }
        if (collectedAt == null) {
            return unread(
                    scope,
                    Value.unknown(
                            where,
                            Reason.Kind.UNREADABLE,
                            "the lookup covers the " + WINDOW.toDays() + " days before the collection, but the export"
                                    + " records no collection time (" + scope.account() + "/" + Export.COLLECTION
                                    + ")"));
        }
        Map<ScopedName, KeyRotations.Rotation> latest = new HashMap<>();
        Provenance[] unreadable = {null};
        boolean complete = ((CallOutput.Answer) out)
                .elements(call, Projection.of(AwsShapes.LOOKUP_EVENTS), EVENT, export.diagnostics, e -> {
                    if (unreadable[0] == null && !accept(scope, e, latest)) {
                        unreadable[0] = e.provenance();
                    }
                });
        if (!complete || unreadable[0] != null) {
            String detail = unreadable[0] != null
                    ? "the RotateEncryptionKey event at " + unreadable[0]
                            + " cannot be read (see the collection errors)"
                    : ExportReader.Listing.partly(where.location());
            return unread(scope, Value.unknown(where, Reason.Kind.UNREADABLE, detail));
        }
        KeyRotations.Period period = new KeyRotations.Period(
                collectedAt.minus(WINDOW), collectedAt, "cloudtrail:LookupEvents, " + where.location());
        return new KeyRotations(Map.of(scope, period), latest, Map.of());
    }

    /** Keeps a successful rotation; false when a rotation event cannot be read (reported). */
    private boolean accept(Scope scope, ResponseObject e, Map<ScopedName, KeyRotations.Rotation> latest) {
        Value<String> name = e.text("EventName", Absent.UNKNOWN);
        Value<String> source = e.text("EventSource", Absent.NOT_SET);
        if (name.isPresent() && !ROTATE.equals(name.value())
                || source.isPresent() && source.value() != null && !SOURCE.equals(source.value())) {
            return true;
        }
        Value<Instant> time = e.instant("EventTime", Absent.UNKNOWN);
        Value<String> record = e.text("CloudTrailEvent", Absent.UNKNOWN);
        String problem = null;
        JsonNode detail = null;
        if (!name.isPresent() || !time.isPresent() || !record.isPresent()) {
            problem = "a lookup event without a readable EventName, EventTime and CloudTrailEvent";
        } else {
            try {
                detail = JSON.readTree(record.value());
            } catch (JsonProcessingException x) {
                problem = "a CloudTrailEvent that is not JSON: " + x.getOriginalMessage();
            }
        }
        String cluster = detail == null
                ? null
                : detail.path("requestParameters").path("clusterIdentifier").asText(null);
        if (problem == null && (cluster == null || cluster.isBlank())) {
            problem = "a RotateEncryptionKey event whose CloudTrailEvent names no requestParameters.clusterIdentifier";
        }
        if (problem != null) {
            export.diagnostics.error(
                    Kind.MALFORMED,
                    e.provenance().toString(),
                    problem + ", so the rotations of " + scope + " are not known");
            return false;
        }
        if (!detail.path("errorCode").isMissingNode()
                && !detail.path("errorCode").isNull()) {
            return true;
        }
        KeyRotations.Rotation rotation = new KeyRotations.Rotation(time.value(), time.provenance());
        latest.merge(
                new ScopedName(scope, cluster), rotation, (a, b) -> b.time().isAfter(a.time()) ? b : a);
        return true;
    }

    private static KeyRotations unread(Scope scope, Value<?> why) {
        return new KeyRotations(Map.of(), Map.of(), Map.of(scope, why));
    }
}
