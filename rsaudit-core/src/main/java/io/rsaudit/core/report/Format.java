package io.rsaudit.core.report;

import io.rsaudit.core.baseline.Baseline;
import io.rsaudit.core.check.Finding;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.scan.ScanHeader;
import io.rsaudit.core.scan.ScanSummary;
import java.io.Writer;
import java.util.Objects;
import java.util.Optional;

/**
 * One report format: its name on the command line, the extension of its files, and how to open its writer for a
 * scan and for a hunt (a format may serve only one of them).
 *
 * @param extension the file name extension, without the dot, for files written into an output folder
 */
public record Format(
        String name,
        String extension,
        String description,
        Writers<ScanHeader, Finding, ScanSummary> scan,
        Writers<HuntHeader, Alert, HuntSummary> hunt) {

    /** Opens a report writer of this format onto {@code out}, which the caller owns. */
    @FunctionalInterface
    public interface Writers<H, R, S> {
        ReportWriter<H, R, S> open(Writer out, Style style);
    }

    /**
     * How a format may present a run: colour only on a terminal (and never with {@code NO_COLOR} set), and the
     * previous report ({@code --baseline}) that formats with a place for it mark each open result against.
     *
     * @param baseline {@code null} without {@code --baseline}
     */
    public record Style(boolean colour, Baseline baseline) {
        public static final Style PLAIN = new Style(false);

        public Style(boolean colour) {
            this(colour, null);
        }
    }

    public Format {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(description, "description");
        if (scan == null && hunt == null) {
            throw new IllegalArgumentException("format " + name + " writes neither scans nor hunts");
        }
    }

    public Optional<Writers<ScanHeader, Finding, ScanSummary>> forScan() {
        return Optional.ofNullable(scan);
    }

    public Optional<Writers<HuntHeader, Alert, HuntSummary>> forHunt() {
        return Optional.ofNullable(hunt);
    }
}
