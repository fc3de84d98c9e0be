package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar users run holds the product only: nothing of the test kit (the AWS simulator, which sets JVM-wide
 * properties when it is loaded, and the estate and log generators), nothing of the benchmarks, and not Jimfs, a test
 * library. Run by failsafe after the shade ({@code integration-test}), on {@code target/rsaudit.jar}; each failure
 * lists every entry it found.
 */
class ShippedJarIT {

    /** Packages that are never shipped: where the test kit and the benchmarks live, and where they used to. */
    private static final List<String> KIT_PACKAGES = List.of(
            "io/rsaudit/testkit/",
            "io/rsaudit/bench/",
            "io/rsaudit/aws/sim/",
            "io/rsaudit/core/hunt/gen/",
            "io/rsaudit/cli/bench/");

    /** The simulator, the generators and the benchmark command, whatever package they would be put in. */
    private static final Set<String> KIT_CLASSES =
            Set.of("AwsSimulator", "LogGenerator", "EstateGenerator", "BenchCommand", "HuntMeasure");

    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        Path jar = Path.of(System.getProperty("rsaudit.jar", "target/rsaudit.jar"));
        assertThat(Files.isRegularFile(jar))
                .as("%s, the shaded jar, is built before this test", jar.toAbsolutePath())
                .isTrue();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void is_the_cli() {
        assertThat(entries)
                .contains(
                        "io/rsaudit/cli/Main.class",
                        "io/rsaudit/aws/LiveCollector.class",
                        "io/rsaudit/fix/plan/Planner.class",
                        "io/rsaudit/aws/fix/AwsFixClient.class");
    }

    @Test
    void holds_no_test_kit_and_no_benchmark() {
        assertThat(matching(e -> KIT_PACKAGES.stream().anyMatch(e::startsWith) || KIT_CLASSES.contains(simpleName(e))))
                .as("test-kit and benchmark entries in the shipped jar")
                .isEmpty();
    }

    @Test
    void holds_no_jimfs() {
        assertThat(matching(e -> e.startsWith("com/google/common/jimfs/")))
                .as("Jimfs entries in the shipped jar")
                .isEmpty();
    }

    private static List<String> matching(Predicate<String> p) {
        return entries.stream().filter(p).toList();
    }

    /** {@code a/b/Name$Inner.class} gives {@code Name}; anything but a class gives "". */
    private static String simpleName(String entry) {
        if (!entry.endsWith(".class")) {
            return "";
        }
        String name = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }
}
