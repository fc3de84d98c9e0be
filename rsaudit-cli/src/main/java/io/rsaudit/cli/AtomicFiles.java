package io.rsaudit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the CLI writes are written whole or not at all: to a temporary file beside the target ({@code .rsaudit-*.tmp},
 * so the same file system), renamed over it at the end. A reader, a second run or an interrupted one sees the previous
 * file or the new one, never a mix or a truncated file.
 */
final class AtomicFiles {

    /** What writes the file's text. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code target} (UTF-8) through {@code body}; on failure the target is untouched and no temporary is left. */
    static void write(Path target, Body body) throws IOException {
        Path temporary = temporary(target);
        try {
            try (Writer w = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8))) {
                body.write(w);
            }
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A new empty temporary file in {@code target}'s folder. */
    static Path temporary(Path target) throws IOException {
        return Files.createTempFile(target.toAbsolutePath().getParent(), ".rsaudit-", ".tmp");
    }

    /** Renames a finished file over its target, atomically where the file system can. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
