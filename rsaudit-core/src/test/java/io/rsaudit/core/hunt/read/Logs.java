package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;

/** Test helpers: write log files under Redshift's names, read them, collect events. */
final class Logs {

    static final String ACCOUNT = "123456789012";

    private Logs() {}

    /**
     * An input held in memory: {@code open()} gives what {@code stream} makes of {@code bytes} (a failure, a stream
     * that behaves like a network's), and {@code known} is what it knows of its log from where it came.
     */
    record Memory(String name, byte[] bytes, LogInput.Known known, Opener stream) implements LogInput {

        /** Makes the stream of an input's bytes. */
        interface Opener {
            InputStream open(byte[] bytes) throws IOException;
        }

        Memory(String name, byte[] bytes) {
            this(name, bytes, LogInput.Known.NONE, ByteArrayInputStream::new);
        }

        @Override
        public OptionalLong size() {
            return OptionalLong.of(bytes.length);
        }

        @Override
        public InputStream open() throws IOException {
            return stream.open(bytes);
        }
    }

    static String name(String logType) {
        return ACCOUNT + "_redshift_us-east-1_prod-dw_" + logType + "_2023-06-26T18:00.gz";
    }

    static Path write(Path dir, String fileName, byte[] content) {
        try {
            Path p = dir.resolve("AWSLogs/" + ACCOUNT + "/redshift/us-east-1/2023/06/26/" + fileName);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] plain) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(plain);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events and summary of one read. */
    record Read(List<Event> events, ReadSummary summary) {
        Event only() {
            if (events.size() != 1) {
                throw new AssertionError(
                        "expected one event, got " + events.size() + ": " + events + "; " + summary.problems());
            }
            return events.get(0);
        }
    }

    static Read read(List<LogInput> inputs, ReadOptions options) {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        ReadSummary s = LogReader.read(inputs, options, events::add);
        return new Read(List.copyOf(events), s);
    }

    static Read read(Path file, ReadOptions options) {
        return read(List.of(LogInput.of(file)), options);
    }

    static Read read(Path file) {
        return read(file, ReadOptions.defaults().withParallelism(1));
    }
}
