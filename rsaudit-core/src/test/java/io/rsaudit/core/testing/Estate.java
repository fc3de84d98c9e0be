package io.rsaudit.core.testing;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.source.CliJsonSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small export for a test, file by file, and loads it through the real source. */
public final class Estate {

    private final Path root;

    private Estate(Path root) {
        this.root = root;
    }

    public static Estate in(Path dir) {
        return new Estate(dir);
    }

    public Path root() {
        return root;
    }

    /** Writes {@code text} (UTF-8) at {@code path} relative to the root; single quotes become double quotes. */
    public Estate json(String path, String text) {
        return bytes(path, text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code text} exactly (UTF-8). */
    public Estate text(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public Estate bytes(String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Estate dir(String path) {
        try {
            Files.createDirectories(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Inventory load() {
        return new CliJsonSource(root).load();
    }
}
