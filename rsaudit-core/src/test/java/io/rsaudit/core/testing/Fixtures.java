package io.rsaudit.core.testing;

import io.rsaudit.core.check.CheckMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the fixtures of a check: {@code <check package>/<ID>/*.json} in the test resources. */
public final class Fixtures {

    private Fixtures() {}

    public static Path directory(CheckMetadata check) {
        String path = check.check().getClass().getPackageName().replace('.', '/') + "/" + check.id();
        URL url = Fixtures.class.getClassLoader().getResource(path);
        if (url == null) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> files(CheckMetadata check) {
        Path dir = directory(check);
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
