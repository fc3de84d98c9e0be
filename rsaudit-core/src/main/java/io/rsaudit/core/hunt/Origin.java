package io.rsaudit.core.hunt;

/**
 * Where a record was read: a file (or {@code s3://} object, or CloudWatch stream) and the 1-based line its record
 * starts on. For CloudTrail, {@code line} is the line of the record's opening brace and {@code index} its position
 * in {@code Records}; for line-oriented logs {@code index} is 0.
 */
public record Origin(String file, long line, long index) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
