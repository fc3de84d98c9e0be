package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The user log: one '|'-separated record per line, 11 fields, a row per create, alter, drop or rename of a user
 * with the user's flags after the change. The time is in the connection log's format.
 */
final class UserLogParser implements LineReader.Lines {

    /** The log's columns in order ({@link LogType} is the one list of them), then the redactions this reader adds. */
    static final String[] NAMES = Stream.concat(LogType.USER_LOG.rawFields().stream(), Stream.of("redactions"))
            .toArray(String[]::new);

    /** What every event reads: username and action. */
    private static final boolean[] EAGER = {
        false, true, false, true, false, false, false, false, false, false, false, false
    };

    /** A record is a line: batches may start at any line. */
    static final LineBatches.Format FORMAT = new LineBatches.Format(UserLogParser::new, (b, from, to) -> true);

    private final FileRead file;
    private final DelimitedLine line;

    UserLogParser(FileRead file) {
        this.file = file;
        this.line = new DelimitedLine(file, NAMES, 11, EAGER, NAMES.length - 1);
    }

    @Override
    public void line(byte[] b, int from, int to, long lineNo) {
        if (Text.isBlank(b, from, to) || !line.split(b, from, to, lineNo)) {
            return;
        }
        long millis = line.recordTime(b, 10, lineNo);
        if (millis == LogTimes.INVALID || !file.inWindow(millis)) {
            return;
        }
        FieldMap v = line.fields(b, from, to);
        file.offer(new Event(
                LogType.USER_LOG,
                Instant.ofEpochMilli(millis),
                file.account,
                file.region,
                file.cluster,
                null,
                DelimitedLine.emptyToNull(v.value(1)),
                null,
                DelimitedLine.emptyToNull(v.value(3)),
                null,
                EventOutcome.UNKNOWN,
                null,
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
