package io.rsaudit.cli;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.rsaudit.aws.LiveCollector;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The folders a live collection writes into, and its problems as collection errors. */
public final class LiveExport {

    private LiveExport() {}

    /**
     * An empty folder in a file system of its own, in memory, for a live scan's export: the estate's configuration
     * is never written to disk (nor left there by a scan that was killed), and it is gone when the file system is
     * closed. It holds what the export would (about 50 MB for 1,000 clusters and 20,000 snapshots).
     */
    public static Path inMemory(FileSystem memory) {
        try {
            return Files.createDirectory(memory.getPath("/export"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the in-memory export folder", e);
        }
    }

    /** A file system in memory; see {@link #inMemory}. */
    public static FileSystem memory() {
        return Jimfs.newFileSystem(Configuration.unix());
    }

    /**
     * What reading the in-memory export found wrong. When no account could be collected at all, the collection's
     * problems say why, and the empty folder's own complaint (no account folders in a path that exists only in
     * memory) is left out.
     */
    static List<CollectionError> readErrors(Inventory inventory, LiveCollector.Result collected) {
        boolean nothing = collected.files() == 0
                && collected.errors() == 0
                && !collected.problems().isEmpty();
        return inventory.errors().stream()
                .filter(e -> !(nothing
                        && e.kind() == CollectionError.Kind.LAYOUT
                        && e.location().equals(".")))
                .toList();
    }

    /** Failures the layout has no file for (the organization's account list, the caller's identity). */
    static List<CollectionError> problems(LiveCollector.Result result) {
        return result.problems().stream()
                .map(p -> new CollectionError(CollectionError.Kind.CALL_FAILED, "aws", p))
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
