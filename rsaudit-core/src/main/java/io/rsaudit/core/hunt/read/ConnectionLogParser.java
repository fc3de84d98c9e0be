package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The connection log: one '|'-separated record per line, fields right-padded with spaces, 14 to 22 fields (older
 * files stop after {@code sslexpansion}; newer ones add the driver fields, {@code sessionid} and
 * {@code compression}). The hot path: fields are found on bytes, repeated values come from a cache, and the time is
 * parsed without a formatter.
 */
final class ConnectionLogParser implements LineReader.Lines {

    /** The log's columns in order ({@link LogType} is the one list of them), then the redactions this reader adds. */
    static final String[] NAMES = Stream.concat(LogType.CONNECTION_LOG.rawFields().stream(), Stream.of("redactions"))
            .toArray(String[]::new);

    /** What every event reads: event, dbname, username, sslversion (remotehost comes from its own cache). */
    private static final boolean[] EAGER = new boolean[NAMES.length];

    private static final byte[] MAPPED = "::ffff:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        for (int f : new int[] {0, 5, 6, 9}) {
            EAGER[f] = true;
        }
    }

    /** A record is a line: batches may start at any line. */
    static final LineBatches.Format FORMAT = new LineBatches.Format(ConnectionLogParser::new, (b, from, to) -> true);

    private final FileRead file;
    private final DelimitedLine line;
    private final Text.Cache hosts = Text.Cache.forThread(Text.Cache.Role.HOSTS);

    ConnectionLogParser(FileRead file) {
        this.file = file;
        this.line = new DelimitedLine(file, NAMES, 14, EAGER, 10);
    }

    @Override
    public void line(byte[] b, int from, int to, long lineNo) {
        if (Text.isBlank(b, from, to) || !line.split(b, from, to, lineNo)) {
            return;
        }
        long millis = line.recordTime(b, 1, lineNo);
        if (millis == LogTimes.INVALID || !file.inWindow(millis)) {
            return;
        }
        FieldMap v = line.fields(b, from, to);
        int hs = line.start(2);
        int he = line.end(2);
        String source = Text.startsWith(b, hs, he, MAPPED)
                        && Text.indexOf(b, hs + MAPPED.length, he, (byte) ':') < 0
                        && line.ascii
                ? hosts.get(b, hs + MAPPED.length, he)
                : DelimitedLine.emptyToNull(v.value(2));
        String event = v.value(0);
        EventOutcome outcome = switch (event) {
            case "authenticated" -> EventOutcome.SUCCESS;
            case "authentication failure" -> EventOutcome.FAILURE;
            default -> EventOutcome.UNKNOWN;
        };
        file.offer(new Event(
                LogType.CONNECTION_LOG,
                Instant.ofEpochMilli(millis),
                file.account,
                file.region,
                file.cluster,
                DelimitedLine.emptyToNull(v.value(5)),
                DelimitedLine.emptyToNull(v.value(6)),
                source,
                event,
                null,
                outcome,
                DelimitedLine.emptyToNull(v.value(9)),
                v,
                file.origin(lineNo)));
    }

    @Override
    public void oversized(byte[] b, int from, int to, long lineNo, long length) {
        line.oversized(lineNo, length);
    }

    @Override
    public void end(long lastLineNo) {}
}
