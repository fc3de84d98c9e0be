package io.rsaudit.testkit.estate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.AwsCliFormat;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes the files of an export with Jackson's streaming generator, printed as the AWS CLI prints them, and counts
 * files and bytes per call. Paths come from {@link AwsCliCall}, the layout's single source of truth.
 */
final class ExportWriter {

    /** Files and bytes written for one call. */
    static final class Tally {
        long files;
        long bytes;
    }

    private final Path root;
    private final JsonFactory factory = new JsonFactory();
    private final Set<Path> madeDirs = new HashSet<>();
    private final Map<AwsCliCall, Tally> tallies = new EnumMap<>(AwsCliCall.class);

    ExportWriter(Path root) {
        this.root = root;
    }

    Map<AwsCliCall, Tally> tallies() {
        return tallies;
    }

    /** One open file: write the document's root object to {@link #g}, then close. */
    final class Doc implements AutoCloseable {
        final JsonGenerator g;
        private final Counting out;
        private final AwsCliCall call;

        private Doc(JsonGenerator g, Counting out, AwsCliCall call) {
            this.g = g;
            this.out = out;
            this.call = call;
        }

        @Override
        public void close() throws IOException {
            g.writeRaw('\n');
            g.close();
            Tally t = tallies.computeIfAbsent(call, c -> new Tally());
            t.files++;
            t.bytes += out.count;
        }
    }

    /** The output of a call made once per region ({@code region} non-null) or once per account. */
    Doc open(String account, String region, AwsCliCall call) throws IOException {
        return open(folder(account, region, call).resolve(call.file()), call);
    }

    /** The output of a per-resource call. */
    Doc open(String account, String region, AwsCliCall call, String resource) throws IOException {
        return open(folder(account, region, call).resolve(call.file(resource)), call);
    }

    private Path folder(String account, String region, AwsCliCall call) {
        Path accountDir = root.resolve(account);
        return call.regional() ? accountDir.resolve(region) : accountDir;
    }

    private Doc open(Path file, AwsCliCall call) throws IOException {
        Path dir = file.getParent();
        if (madeDirs.add(dir)) {
            Files.createDirectories(dir);
        }
        Counting out = new Counting(Files.newOutputStream(file));
        JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(AwsCliFormat.prettyPrinter());
        return new Doc(g, out, call);
    }

    /** A timestamp as the AWS CLI v2 prints it: {@code 2025-05-31T08:15:42.123000+00:00}. */
    static String ts(Instant t) {
        return AwsCliFormat.timestamp(t);
    }

    /** A date as used in snapshot names: {@code 2025-05-31-08-15-42}. */
    static String stamp(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(20);
        b.append(d.getYear()).append('-');
        two(b, d.getMonthValue()).append('-');
        two(b, d.getDayOfMonth()).append('-');
        two(b, d.getHour()).append('-');
        two(b, d.getMinute()).append('-');
        two(b, d.getSecond());
        return b.toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return v < 10 ? b.append('0').append(v) : b.append(v);
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
