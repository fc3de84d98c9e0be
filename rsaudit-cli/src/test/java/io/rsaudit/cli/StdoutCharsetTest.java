package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report on stdout is UTF-8 whatever the platform's default charset: under {@code LANG=C} Java 17's default is
 * US-ASCII, which would print every character outside ASCII as '?'.
 */
class StdoutCharsetTest {

    private static final Path ESTATE = Path.of("..", "examples", "estate");

    @TempDir
    Path dir;

    @Test
    void aJsonReportOnStdoutKeepsCharactersOutsideAsciiUnderAnAsciiDefaultCharset() throws Exception {
        Path estate = dir.resolve("estate");
        copy(ESTATE, estate);
        Path clusters = estate.resolve("222222222222/eu-west-1/redshift/describe-clusters.json");
        String text = Files.readString(clusters);
        assertThat(text).contains("\"Value\": \"prod\"");
        Files.writeString(clusters, text.replaceFirst("\"Value\": \"prod\"", "\"Value\": \"Müller € prod\""));

        Process child = ChildJvm.start(
                dir,
                List.of("-Dfile.encoding=US-ASCII"),
                "scan",
                "--input",
                estate.toString(),
                "--format",
                "json",
                "--fail-on",
                "none");
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8);
        // 3: the example holds one intended collection error; 2 and 4 would be a usage or an internal error
        assertThat(child.exitValue()).as(err).isIn(0, 3);
        String out = Files.readString(dir.resolve("child.out"), StandardCharsets.UTF_8);
        assertThat(out).contains("Müller € prod").doesNotContain("M?ller");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
