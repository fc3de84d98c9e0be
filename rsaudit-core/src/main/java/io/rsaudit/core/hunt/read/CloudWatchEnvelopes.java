package io.rsaudit.core.hunt.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * What CloudWatch Logs sends a subscription, as Firehose writes it to S3: JSON envelopes one after another (each its
 * own gzip member), {@code {"messageType": "DATA_MESSAGE", "owner": "<account>", "logGroup": "...", "logStream":
 * "...", "logEvents": [{"id": ..., "timestamp": ..., "message": "..."}]}}. A data envelope's messages are read as its
 * group's log, one message a line: a Redshift group by its name ({@code /aws/redshift/cluster/<cluster>/<logtype>},
 * which also gives the cluster), a trail's group (any name) when its messages are JSON objects, else the type
 * {@code --type} gives (the envelopes themselves say more than a type given for every input); the owner is the
 * account. {@code CONTROL_MESSAGE} envelopes (CloudWatch checking that the
 * destination is reachable) hold no log. Each envelope is read as a part of the file named
 * {@code <file>#envelope <n>}, so that origins say which envelope and which of its lines.
 */
final class CloudWatchEnvelopes {

    /**
     * The most message bytes of one envelope that are read (held, then parsed): CloudWatch sends about 1 MB at most,
     * and a hunt's heap is 256 MiB.
     */
    static final int MAX_ENVELOPE = 8 << 20;

    private final FileRead file;
    private final JsonFactory factory;

    CloudWatchEnvelopes(FileRead file) {
        this.file = file;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(file.options.maxRecordBytes())
                        .build())
                .build();
    }

    void read(InputStream in, boolean gzip) {
        long index = 0;
        long line = 1;
        try (JsonParser p = factory.createParser(in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    file.problem(line, ReadProblem.Kind.MALFORMED, "envelope " + index + " is not an object");
                } else {
                    envelope(p, line, index);
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            file.problem(
                    e.getLocation() == null ? line : e.getLocation().getLineNr(),
                    ReadProblem.Kind.INVALID_JSON,
                    "invalid JSON in envelope " + index + ": " + e.getOriginalMessage() + "; the " + index
                            + " envelope(s) before it were read, the rest of the file is skipped");
        } catch (EOFException | ZipException e) {
            file.problem(
                    line,
                    gzip ? ReadProblem.Kind.TRUNCATED_GZIP : ReadProblem.Kind.UNREADABLE,
                    (gzip ? "truncated or corrupt gzip stream" : "read failed: " + e.getMessage()) + " in envelope "
                            + index + "; the envelopes before it were read");
        } catch (IOException e) {
            file.problem(line, ReadProblem.Kind.UNREADABLE, "read failed: " + e.getMessage());
        }
    }

    private void envelope(JsonParser p, long line, long index) throws IOException {
        String messageType = null;
        String owner = null;
        String group = null;
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        boolean allJson = true;
        boolean cut = false;
        long count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "messageType" -> messageType = text(p, value);
                case "owner" -> owner = text(p, value);
                case "logGroup" -> group = text(p, value);
                case "logEvents" -> {
                    if (value != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY && e != null; e = p.nextToken()) {
                        String message = e == JsonToken.START_OBJECT ? JsonMember.string(p, "message") : skip(p);
                        if (message == null) {
                            continue;
                        }
                        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                        if (messages.size() + bytes.length + 1 > MAX_ENVELOPE) {
                            cut = true;
                            continue;
                        }
                        allJson &= message.stripLeading().startsWith("{");
                        messages.write(bytes);
                        messages.write('\n');
                        count++;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!"DATA_MESSAGE".equals(messageType)) {
            return;
        }
        String where = "envelope " + index + " (log group " + group + ")";
        LogFileName named = group == null ? LogFileName.UNKNOWN : LogFileName.of(group);
        LogType type =
                named.type() != null ? named.type() : allJson && count > 0 ? LogType.CLOUDTRAIL : file.options.type();
        if (type == null) {
            file.problem(
                    line,
                    ReadProblem.Kind.UNKNOWN_TYPE,
                    where + ": cannot tell its log type: its group is not named /aws/redshift/cluster/<cluster>/"
                            + "<logtype> and its messages are not CloudTrail's; pass --type; not read");
            return;
        }
        if (cut) {
            file.problem(
                    line,
                    ReadProblem.Kind.OVERSIZED,
                    where + ": more than " + (MAX_ENVELOPE >> 20) + " MiB of messages; the rest skipped");
        }
        List<Event> events = new ArrayList<>();
        FileRead part = new FileRead(
                file.file + "#envelope " + index,
                new LogFileName(type, owner, null, named.cluster(), null),
                file.options,
                events::add);
        LogReader.parse(type, new ByteArrayInputStream(messages.toByteArray()), false, part, null);
        part.finish();
        file.absorb(part, events);
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }
}
