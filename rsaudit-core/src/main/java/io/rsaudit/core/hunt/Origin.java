package io.rsaudit.core.hunt;

/**
 * Where a record was read: a file (or {@code s3://} object, or CloudWatch stream) and the 1-based line its record
 * starts on. For CloudTrail, {@code line} is the line of the record's opening brace, {@code index} its position in
 * the file (in {@code Records} for a trail's file) and {@code pointer} the JSON pointer of the record in the file
 * ({@code /Records/3}; {@code /Events/3/CloudTrailEvent}, the record as JSON text, for lookup-events' answer), or
 * {@code null} where the file is not one JSON document (records one after another); for line-oriented logs
 * {@code index} is 0 and {@code pointer} {@code null}.
 */
public record Origin(String file, long line, long index, String pointer) {

    public Origin(String file, long line, long index) {
        this(file, line, index, null);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
