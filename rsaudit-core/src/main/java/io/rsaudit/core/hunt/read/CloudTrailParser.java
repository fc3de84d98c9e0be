package io.rsaudit.core.hunt.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.redact.Redactor;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.zip.ZipException;

/**
 * CloudTrail records: a trail's log files (one JSON object whose {@code Records} array is streamed with Jackson, one
 * record at a time, so a file of any size holds one record in memory), and the other ways records reach an
 * investigator ({@link Layout}: lookup-events' answer, records one after another as CloudWatch Logs holds them, an
 * array). Each record's leaves become dotted fields
 * ({@code requestParameters.clusterIdentifier}, lists as {@code name.0}) straight from the token stream
 * ({@link CloudTrailFlattener}, which gives what a {@code JsonNode} tree of the record gave); values of keys that
 * name a password, secret key or session token are redacted unless already masked, and every string leaf goes
 * through {@link Redactor}.
 */
final class CloudTrailParser {

    /** Building a factory costs more than parsing a small file; the default one is shared (it is thread-safe). */
    private static final JsonFactory DEFAULT_FACTORY = factory(ReadOptions.DEFAULT_MAX_RECORD_BYTES);

    /** Keys whose values are secrets end so, in any ASCII case; checked once per path, so without a regex. */
    private static final String[] SECRET_KEY_ENDINGS = {
        "password", "secretaccesskey", "sessiontoken", "secret_access_key", "session_token"
    };

    private final FileRead file;
    private final JsonFactory factory;
    /** Where the reading is: the line of the record being read, and how many came before it. */
    private long line = 1;

    private long index;
    private String lastSource;
    private String lastEventName;
    private String lastAction;

    private static JsonFactory factory(int maxString) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxString)
                        .build())
                .build();
    }

    CloudTrailParser(FileRead file) {
        this.file = file;
        this.factory = file.options.maxRecordBytes() == ReadOptions.DEFAULT_MAX_RECORD_BYTES
                ? DEFAULT_FACTORY
                : factory(file.options.maxRecordBytes());
    }

    /**
     * How the records are laid out: a trail's log file ({@code {"Records": [...]}}), the answer of {@code aws
     * cloudtrail lookup-events} ({@code {"Events": [{"CloudTrailEvent": "<the record as JSON text>"}, ...]}}),
     * records one after another (CloudWatch Logs' messages of a trail that sends its events there, {@code jq -c
     * '.Records[]'}, an export of CloudTrail Lake), told by the first name of the first object, or an array of
     * records ({@code jq '.Records'}).
     */
    enum Layout {
        RECORDS("Records[", "]", "/Records/", ""),
        ARRAY("[", "]", "/", ""),
        LOOKUP_EVENTS("Events[", "]", "/Events/", "/CloudTrailEvent"),
        ONE_AFTER_ANOTHER("record ", "", null, null);

        private final String labelBefore;
        private final String labelAfter;
        private final String pointerBefore;
        private final String pointerAfter;

        Layout(String labelBefore, String labelAfter, String pointerBefore, String pointerAfter) {
            this.labelBefore = labelBefore;
            this.labelAfter = labelAfter;
            this.pointerBefore = pointerBefore;
            this.pointerAfter = pointerAfter;
        }

        /**
         * The JSON pointer of record {@code index} in its file, or {@code null} when the file is no one document.
         * Made for every record: concatenated, not formatted.
         */
        String pointer(long index) {
            return pointerBefore == null ? null : pointerBefore + index + pointerAfter;
        }

        /** How problems name record {@code index} (from 0). */
        String name(long index) {
            return labelBefore + index + labelAfter;
        }
    }

    /** How far the layout is looked for: the first name of a file, after any white space. */
    private static final int PROBE = 1 << 16;

    /** First names that make an object a record rather than a file of records. */
    private static final java.util.Set<String> RECORD_NAMES = java.util.Set.of(
            "eventVersion",
            "eventTime",
            "eventSource",
            "eventName",
            "eventID",
            "eventType",
            "userIdentity",
            "awsRegion",
            "sourceIPAddress",
            "recipientAccountId");

    void read(InputStream in, boolean gzip) {
        // Jackson reads 8,000 bytes at a time: the probe's first read fits, and the buffer grows only if it does not
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        Layout layout = Layout.RECORDS;
        CloudTrailFlattener flat = CloudTrailFlattener.forThread();
        try {
            layout = layout(buffered);
            try (JsonParser p = factory.createParser(buffered)) {
                JsonToken first = p.nextToken();
                if (layout == Layout.ARRAY) {
                    elements(flat, p, p.nextToken(), JsonToken.END_ARRAY, layout);
                } else if (first != JsonToken.START_OBJECT) {
                    file.problem(
                            1,
                            ReadProblem.Kind.INVALID_JSON,
                            "not a CloudTrail file: expected a JSON object with \"Records\"");
                } else if (layout == Layout.ONE_AFTER_ANOTHER) {
                    elements(flat, p, first, null, layout);
                } else {
                    String array = layout == Layout.RECORDS ? "Records" : "Events";
                    boolean sawArray = false;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        if (!array.equals(name) || value != JsonToken.START_ARRAY) {
                            p.skipChildren();
                            continue;
                        }
                        sawArray = true;
                        elements(flat, p, p.nextToken(), JsonToken.END_ARRAY, layout);
                    }
                    if (!sawArray) {
                        file.problem(
                                1, ReadProblem.Kind.INVALID_JSON, "not a CloudTrail file: no \"" + array + "\" array");
                    }
                }
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            file.problem(
                    at,
                    ReadProblem.Kind.INVALID_JSON,
                    "invalid JSON after " + layout.name(index) + ": "
                            + e.getOriginalMessage() + "; the " + index
                            + " record(s) before it were read, the rest of the"
                            + " file is skipped");
        } catch (EOFException | ZipException e) {
            file.problem(
                    line,
                    gzip ? ReadProblem.Kind.TRUNCATED_GZIP : ReadProblem.Kind.UNREADABLE,
                    (gzip
                                    ? (e instanceof EOFException
                                            ? "truncated gzip stream"
                                            : "corrupt gzip stream (" + e.getMessage() + ")")
                                    : "read failed: " + e.getMessage())
                            + " after " + layout.name(index)
                            + "; the records before it were read");
        } catch (IOException e) {
            file.problem(line, ReadProblem.Kind.UNREADABLE, "read failed: " + e.getMessage());
        } finally {
            flat.release();
        }
    }

    /**
     * The records from token {@code t} on, up to {@code end} ({@code null}: the end of the input): each object one
     * record ({@link #lookedUp} for lookup-events' elements), anything else a malformed one.
     */
    private void elements(CloudTrailFlattener flat, JsonParser p, JsonToken t, JsonToken end, Layout layout)
            throws IOException {
        for (; t != end && t != null; t = p.nextToken()) {
            line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                file.malformed(line, ReadProblem.Kind.MALFORMED, layout.name(index) + " is not an object");
            } else if (layout == Layout.LOOKUP_EVENTS) {
                lookedUp(flat, p);
            } else {
                record(flat, p, layout);
            }
            index++;
        }
    }

    /**
     * The layout, from the first name of the first object; {@link Layout#RECORDS} when there is none to read (the
     * parse that follows then reports why). The stream is back at its start after.
     */
    private Layout layout(BufferedInputStream in) throws IOException {
        in.mark(PROBE);
        Layout layout = Layout.RECORDS;
        try (JsonParser probe = factory.createParser(in).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
            JsonToken start = probe.nextToken();
            if (start == JsonToken.START_ARRAY) {
                layout = Layout.ARRAY;
            } else if (start == JsonToken.START_OBJECT && probe.nextToken() == JsonToken.FIELD_NAME) {
                String first = probe.currentName();
                layout = first.equals("Events")
                        ? Layout.LOOKUP_EVENTS
                        : RECORD_NAMES.contains(first) ? Layout.ONE_AFTER_ANOTHER : Layout.RECORDS;
            }
        } catch (JsonProcessingException | EOFException | ZipException e) {
            // not JSON, or cut short: the parse that follows reports it where it is
        }
        in.reset();
        return layout;
    }

    /** An element of lookup-events' {@code Events}: its {@code CloudTrailEvent} is the record, as JSON text. */
    private void lookedUp(CloudTrailFlattener flat, JsonParser p) throws IOException {
        String record = JsonMember.string(p, "CloudTrailEvent");
        if (record == null) {
            file.malformed(
                    line, ReadProblem.Kind.MALFORMED, Layout.LOOKUP_EVENTS.name(index) + " has no CloudTrailEvent");
            return;
        }
        try (JsonParser inner = factory.createParser(record)) {
            if (inner.nextToken() != JsonToken.START_OBJECT) {
                file.malformed(
                        line,
                        ReadProblem.Kind.MALFORMED,
                        Layout.LOOKUP_EVENTS.name(index) + ": its CloudTrailEvent is not a JSON object");
                return;
            }
            record(flat, inner, Layout.LOOKUP_EVENTS);
        } catch (JsonProcessingException e) {
            file.malformed(
                    line,
                    ReadProblem.Kind.MALFORMED,
                    Layout.LOOKUP_EVENTS.name(index) + ": its CloudTrailEvent is not valid JSON: "
                            + e.getOriginalMessage());
        }
    }

    private void record(CloudTrailFlattener flat, JsonParser p, Layout layout) throws IOException {
        flat.flatten(p);
        String eventTime = flat.known(CloudTrailFlattener.EVENT_TIME);
        Instant time = time(eventTime);
        if (time == null) {
            file.malformed(
                    line,
                    ReadProblem.Kind.MALFORMED,
                    layout.name(index) + ": "
                            + (eventTime == null ? "no eventTime" : "bad eventTime '" + eventTime + "'"));
            return;
        }
        if (!file.inWindow(time.toEpochMilli())) {
            return;
        }
        String source = flat.known(CloudTrailFlattener.EVENT_SOURCE);
        String eventName = flat.known(CloudTrailFlattener.EVENT_NAME);
        String action = action(source, eventName);
        file.offer(new Event(
                LogType.CLOUDTRAIL,
                time,
                first(flat, CloudTrailFlattener.RECIPIENT_ACCOUNT, CloudTrailFlattener.USER_ACCOUNT, file.account),
                first(flat, CloudTrailFlattener.REGION, -1, file.region),
                first(
                        flat,
                        CloudTrailFlattener.CLUSTER,
                        CloudTrailFlattener.RESPONSE_CLUSTER,
                        flat.known(CloudTrailFlattener.SNAPSHOT_CLUSTER)),
                first(flat, CloudTrailFlattener.DB_NAME, CloudTrailFlattener.DATABASE, null),
                first(
                        flat,
                        CloudTrailFlattener.USER_ARN,
                        CloudTrailFlattener.USER_NAME,
                        flat.known(CloudTrailFlattener.PRINCIPAL)),
                flat.known(CloudTrailFlattener.SOURCE_IP),
                action,
                flat.known(CloudTrailFlattener.SQL),
                flat.known(CloudTrailFlattener.ERROR_CODE) != null ? EventOutcome.FAILURE : EventOutcome.SUCCESS,
                flat.known(CloudTrailFlattener.TLS_VERSION),
                flat.fields(),
                new io.rsaudit.core.hunt.Origin(file.file, line, index, layout.pointer(index))));
    }

    /**
     * {@code service:eventName}; the last one is kept, as a file's records repeat a handful of actions and the
     * flattener hands back the same strings for a repeated value.
     */
    private String action(String source, String eventName) {
        if (source != lastSource || eventName != lastEventName) {
            String service = source == null
                    ? "unknown"
                    : source.endsWith(".amazonaws.com")
                            ? source.substring(0, source.length() - ".amazonaws.com".length())
                            : source;
            lastAction = eventName == null ? null : service + ":" + eventName;
            lastSource = source;
            lastEventName = eventName;
        }
        return lastAction;
    }

    private static String first(CloudTrailFlattener flat, int a, int b, String otherwise) {
        String v = flat.known(a);
        if (v == null && b >= 0) {
            v = flat.known(b);
        }
        return v == null ? otherwise : v;
    }

    /**
     * The instant {@code Instant.parse} gives, or {@code null} where it throws. CloudTrail writes whole seconds in
     * UTC ({@code 2024-03-04T08:00:03Z}): those are parsed on bytes; anything else (fractions, offsets, second 60,
     * hour 24) is left to {@code Instant.parse}, whose leap second and midnight rules the fast parser lacks.
     */
    static Instant time(String eventTime) {
        if (eventTime == null) {
            return null;
        }
        if (eventTime.length() == 20 && eventTime.charAt(17) < '6') {
            long millis = LogTimes.iso(eventTime.getBytes(StandardCharsets.ISO_8859_1), 0, 20);
            if (millis != LogTimes.INVALID) {
                return Instant.ofEpochMilli(millis);
            }
        }
        try {
            return Instant.parse(eventTime);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the key names a secret: it ends with one of {@link #SECRET_KEY_ENDINGS}, ASCII case ignored. */
    static boolean isSecretKey(String key) {
        for (String ending : SECRET_KEY_ENDINGS) {
            int at = key.length() - ending.length();
            if (at >= 0) {
                boolean same = true;
                for (int k = 0; k < ending.length() && same; k++) {
                    char c = key.charAt(at + k);
                    same = (c >= 'A' && c <= 'Z' ? c + 32 : c) == ending.charAt(k);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }
}
