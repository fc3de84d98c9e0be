package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.KeyRotations;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.ScopedName;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudTrail log files with the hunt's reader and keeps what the scan needs of them: per account and region
 * the period the records span, and per cluster its latest successful {@code RotateEncryptionKey}. The files are taken
 * as the trail's whole delivery for the period they span; a gap in them would hide a rotation.
 */
public final class KeyRotationHistory {

    static final String SOURCE = "redshift.amazonaws.com";
    static final String ROTATE = "RotateEncryptionKey";

    /**
     * What was read.
     *
     * @param summary the reader's account of the files: counts, and every problem met (malformed records...)
     */
    public record Read(KeyRotations rotations, ReadSummary summary) {

        /** The reader's problems as collection errors of the scan: a history with holes is an incomplete input. */
        public List<CollectionError> errors() {
            return summary.problems().stream()
                    .map(p -> new CollectionError(
                            CollectionError.Kind.MALFORMED, p.origin().toString(), "CloudTrail: " + p.message()))
                    .toList();
        }
    }

    private final Map<Scope, Instant[]> spans = new HashMap<>();
    private final Map<ScopedName, KeyRotations.Rotation> latest = new HashMap<>();

    private KeyRotationHistory() {}

    /**
     * The record's {@code eventTime}: in a trail's file {@code file#/Records/N/eventTime}; in lookup-events' answer
     * the record's JSON text ({@code #/Events/N/CloudTrailEvent}); in records one after another, the record's line.
     */
    private static Provenance evidence(Origin origin) {
        String pointer = origin.pointer();
        if (pointer == null) {
            return Provenance.of(origin.toString(), "/eventTime");
        }
        return Provenance.of(origin.file(), pointer.endsWith("/CloudTrailEvent") ? pointer : pointer + "/eventTime");
    }

    /**
     * @param unlisted what could not be listed while finding {@code inputs} ({@link LocalFiles}): the history has
     *     holes there too
     * @param source how messages name the input: the {@code --cloudtrail} argument
     */
    public static Read read(List<LogInput> inputs, List<ReadProblem> unlisted, String source) {
        KeyRotationHistory history = new KeyRotationHistory();
        // the reader leaves out the digest files that sit beside the logs in a trail's bucket
        ReadSummary summary = LogReader.read(
                        inputs, ReadOptions.defaults().withType(LogType.CLOUDTRAIL), history::accept)
                .including(Map.of(), Map.of(), unlisted);
        Map<Scope, KeyRotations.Period> covered = new HashMap<>();
        history.spans.forEach((scope, span) -> covered.put(scope, new KeyRotations.Period(span[0], span[1], source)));
        return new Read(new KeyRotations(covered, history.latest), summary);
    }

    private synchronized void accept(Event e) {
        if (e.account() == null || e.region() == null || e.time() == null) {
            return;
        }
        Scope scope = new Scope(e.account(), e.region());
        Instant[] span = spans.computeIfAbsent(scope, s -> new Instant[] {e.time(), e.time()});
        if (e.time().isBefore(span[0])) {
            span[0] = e.time();
        }
        if (e.time().isAfter(span[1])) {
            span[1] = e.time();
        }
        if (!SOURCE.equals(e.field("eventSource"))
                || !ROTATE.equals(e.field("eventName"))
                || e.field("errorCode") != null
                || e.cluster() == null) {
            return;
        }
        KeyRotations.Rotation rotation = new KeyRotations.Rotation(e.time(), evidence(e.origin()));
        latest.merge(
                new ScopedName(scope, e.cluster()), rotation, (a, b) -> b.time().isAfter(a.time()) ? b : a);
    }
}
