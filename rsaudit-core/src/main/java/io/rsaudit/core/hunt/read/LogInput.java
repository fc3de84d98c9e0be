package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.LogType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One log to read: a local file, an {@code s3://} object or a CloudWatch stream. The name is what problems and event
 * origins show; for files and S3 objects it is also where {@link LogReader} reads the log type, account, region and
 * cluster from (Redshift's S3 key layout). Other modules add their own inputs by implementing this.
 */
public interface LogInput {

    /** A path, an {@code s3://bucket/key} URI, or {@code group/stream} for CloudWatch. */
    String name();

    /** The stored size in bytes, when known without reading. */
    OptionalLong size();

    /** Opens the stored bytes (possibly gzip; the reader tells by magic bytes). The caller closes it. */
    InputStream open() throws IOException;

    /**
     * What the input knows of its log from where it came rather than from its name: a CloudWatch group names the log
     * type and cluster even where {@link #name()} follows no pattern the reader knows, and only the API tells the
     * account and region. Known values win over what the name says; {@code --type} still wins over both. Local files
     * know nothing beyond their name.
     */
    default Known known() {
        return Known.NONE;
    }

    /** Facts about an input's log; {@code null} where not known. */
    record Known(LogType type, String account, String region, String cluster) {

        public static final Known NONE = new Known(null, null, null, null);
    }

    /** A local file. */
    static LogInput of(Path file) {
        return new FileInput(file);
    }

    /** A local file; its name is the path as given. */
    record FileInput(Path path) implements LogInput {

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public OptionalLong size() {
            try {
                return OptionalLong.of(Files.size(path));
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }
}
