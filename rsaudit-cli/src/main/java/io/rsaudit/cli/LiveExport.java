package io.rsaudit.cli;

import io.rsaudit.aws.LiveCollector;
import io.rsaudit.core.model.CollectionError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The folders a live collection writes into, and its problems as collection errors. */
final class LiveExport {

    private LiveExport() {
    }

    /** A fresh owner-only folder for a live scan's export, deleted after the scan. */
    static Path temporaryFolder() {
        try {
            return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("rsaudit-live-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("rsaudit-live-");
        } catch (IOException e) {
            throw new Main.UsageException("cannot create a temporary folder for the live scan: " + e.getMessage());
        }
    }

    /** Failures the layout has no file for (the organization's account list, the caller's identity). */
    static List<CollectionError> problems(LiveCollector.Result result) {
        return result.problems().stream().map(p -> new CollectionError(CollectionError.Kind.CALL_FAILED, "aws", p))
                .toList();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary folder " + dir, e);
        }
    }
}
