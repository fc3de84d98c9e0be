package io.rsaudit.cli;

import io.rsaudit.core.hunt.read.KeyRotationHistory;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.source.InventorySource;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --cloudtrail PATH}, shared by {@code scan} and {@code fix} (a picocli mixin): CloudTrail files to read the
 * rotations of clusters' encryption keys from, which RS-ATREST-012 judges.
 */
final class CloudTrailOption {

    @Option(
            names = "--cloudtrail",
            paramLabel = "PATH",
            description = "CloudTrail log files (a folder, searched recursively, or files; .json or .json.gz as the"
                    + " trail delivers them, or the output of aws cloudtrail lookup-events) to read the rotations of"
                    + " clusters' encryption keys from (RotateEncryptionKey, RS-ATREST-012). Repeatable. The files are"
                    + " taken as the trail's whole delivery for the period they span.")
    List<Path> paths;

    /** The paths given; empty without the option. */
    List<Path> paths() {
        return paths == null ? List.of() : paths;
    }

    /** How reports name the files: {@code --cloudtrail a, b}. */
    String describe() {
        return "--cloudtrail "
                + String.join(", ", paths().stream().map(Path::toString).toList());
    }

    /**
     * {@code base} with the key rotations the files record; what the reader could not read joins the collection
     * errors. {@code base} itself without the option. A path that does not exist is a usage error; a folder that
     * cannot be listed is a collection error.
     */
    InventorySource over(InventorySource base) {
        if (paths().isEmpty()) {
            return base;
        }
        List<LogInput> logs = new ArrayList<>();
        List<ReadProblem> unlisted = new ArrayList<>();
        for (Path p : paths()) {
            try {
                LocalFiles.Found found = LocalFiles.walk(p);
                logs.addAll(found.inputs());
                unlisted.addAll(found.problems());
            } catch (NoSuchFileException e) {
                throw new Main.UsageException("--cloudtrail " + p + ": no such file or directory");
            }
        }
        String source = describe();
        return () -> {
            Inventory inventory = base.load();
            KeyRotationHistory.Read read = KeyRotationHistory.read(logs, unlisted, source);
            List<CollectionError> errors = new ArrayList<>(inventory.errors());
            errors.addAll(read.errors());
            // the files join what the source's own lookup (cloudtrail:LookupEvents) found, scope by scope
            return inventory
                    .withErrors(errors)
                    .withRotations(inventory.rotations().merge(read.rotations()));
        };
    }
}
