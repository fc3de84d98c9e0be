package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Origin;

/**
 * Something in the input that could not be read as a record: where (file and line; line 0 for the file as a whole),
 * what kind, and a message for people.
 */
public record ReadProblem(Origin origin, Kind kind, String message) {

    public enum Kind {
        /** The file's name does not say which log it is and no {@code --type} was given; the file was skipped. */
        UNKNOWN_TYPE,
        /** The file could not be opened or read. */
        UNREADABLE,
        /**
         * An input that holds nothing to read: an S3 prefix without an object, a CloudWatch Logs group without a
         * stream (a mistyped bucket, prefix or group reads as nothing, not as a clean day).
         */
        EMPTY,
        /** The gzip stream ends or breaks in the middle; every record before the break was kept. */
        TRUNCATED_GZIP,
        /** A record that does not have the format's shape (field count, timestamp, header); skipped. */
        MALFORMED,
        /** A record longer than the maximum record size; skipped without being held whole. */
        OVERSIZED,
        /** Lines of a user activity log before its first record header; skipped. */
        ORPHAN_LINES,
        /** Bytes that are not UTF-8; decoded with replacement characters (reported once per file). */
        INVALID_UTF8,
        /** The file is not the JSON CloudTrail writes, or it breaks off; records before the break were kept. */
        INVALID_JSON,
        /** The count of further problems in a file whose details were not kept. */
        MORE
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
