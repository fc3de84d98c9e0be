package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rsaudit}'s class data sharing, run in a copy of the launcher's layout whose jar is a stand-in: a main that
 * prints its arguments and exits with {@code STAND_IN_EXIT}.
 */
class LauncherTest {

    @TempDir
    Path dir;

    private Path target;

    /** The launcher writes archives only over a Java runtime that has a base archive of its own. */
    private final boolean sharing =
            Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"));

    @BeforeEach
    void layout() throws Exception {
        Files.copy(Path.of("..", "rsaudit"), dir.resolve("rsaudit"));
        assertThat(dir.resolve("rsaudit").toFile().setExecutable(true)).isTrue();
        target = Files.createDirectories(dir.resolve("rsaudit-cli").resolve("target"));
        Path src = Files.writeString(dir.resolve("StandIn.java"), """
                public class StandIn {
                    public static void main(String[] args) throws Exception {
                        Class.forName("Old");
                        System.out.println("ran " + String.join(" ", args));
                        System.exit(Integer.parseInt(System.getenv().getOrDefault("STAND_IN_EXIT", "0")));
                    }
                }
                """);
        Path old = Files.writeString(dir.resolve("Old.java"), "public class Old {}\n");
        assertThat(ToolProvider.getSystemJavaCompiler()
                        .run(null, null, null, "--release", "8", "-d", dir.toString(), src.toString(), old.toString()))
                .isZero();
        // a class of Java 5's format, as picocli's are: the JVM warns that it cannot archive it
        byte[] oldClass = Files.readAllBytes(dir.resolve("Old.class"));
        oldClass[7] = 49;
        Files.write(dir.resolve("Old.class"), oldClass);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        try (OutputStream file = Files.newOutputStream(target.resolve("rsaudit.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (String name : List.of("StandIn.class", "Old.class")) {
                jar.putNextEntry(new JarEntry(name));
                jar.write(Files.readAllBytes(dir.resolve(name)));
                jar.closeEntry();
            }
        }
    }

    @Test
    void theFirstNormalRunOfACommandWritesItsArchiveAndLaterRunsMapIt() throws Exception {
        Run first = launch(Map.of(), "scan", "--input", "x");
        assertThat(first.code).isZero();
        assertThat(first.out).as("the JVM's warnings never go to stdout").isEqualTo("ran scan --input x\n");
        assertThat(first.err).as("nor, about sharing, to stderr").isEmpty();
        if (!sharing) {
            assertThat(files()).isEmpty();
            return;
        }
        assertThat(files()).singleElement().asString().matches(".*/rsaudit-scan-[A-Za-z0-9._+-]+\\.jsa");

        Path loads = dir.resolve("loads.txt");
        Run second = launch(Map.of("RSAUDIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads), "scan", "--input=y");
        assertThat(second.out).isEqualTo("ran scan --input=y\n");
        assertThat(Files.readString(loads)).containsPattern("StandIn source: shared objects file \\(top\\)");
    }

    /** A live scan loads the AWS SDK, an offline one does not: each writes and maps an archive of its own. */
    @Test
    void aLiveScanAndAnOfflineScanKeepArchivesOfTheirOwn() throws Exception {
        assertThat(launch(Map.of(), "scan", "--input", "x").code).isZero();
        assertThat(launch(Map.of(), "scan", "--regions", "eu-west-1").code).isZero();
        if (!sharing) {
            assertThat(files()).isEmpty();
            return;
        }
        // a runtime's version starts with a digit
        assertThat(files())
                .extracting(f -> f.getFileName().toString().replaceAll("-\\d[^/]*\\.jsa$", ""))
                .containsExactly("rsaudit-scan", "rsaudit-scan-live");
    }

    @Test
    void aRunThatFailsOrOnlyHelpsOrListsOrSetsSharingItselfLeavesNoArchive() throws Exception {
        assertThat(launch(Map.of("STAND_IN_EXIT", "2"), "hunt", "--bogus").code).isEqualTo(2);
        assertThat(launch(Map.of(), "hunt", "--help").code).isZero();
        // the rules list loads a third of a hunt's classes: its archive would leave later hunts loading the rest
        assertThat(launch(Map.of(), "hunt", "examples/logs", "--list-rules").code)
                .isZero();
        Run own = launch(Map.of("RSAUDIT_JAVA_OPTS", "-Xshare:off"), "export");
        assertThat(own.code).isZero();
        assertThat(own.out).isEqualTo("ran export\n");
        assertThat(files()).isEmpty();
        assertThat(launch(Map.of("STAND_IN_EXIT", "3"), "hunt").code).isEqualTo(3);
        assertThat(files())
                .hasSize(sharing ? 1 : 0)
                .allSatisfy(f -> assertThat(f.toString()).contains("rsaudit-hunt-"));
    }

    @Test
    void aCollectorChosenInTheOptionsReplacesTheLaunchers() throws Exception {
        for (String[] args :
                List.of(new String[] {"hunt"}, new String[] {"scan", "--input", "x"}, new String[] {"export"})) {
            Path log = dir.resolve("gc-" + args[0] + ".log");
            Run run = launch(Map.of("RSAUDIT_JAVA_OPTS", "-Xshare:off -XX:+UseG1GC -Xlog:gc:file=" + log), args);
            assertThat(run.code).as(run.err).isZero();
            assertThat(run.out).isEqualTo("ran " + String.join(" ", args) + "\n");
            assertThat(Files.readString(log)).contains("Using G1");
        }
    }

    @Test
    void anArchiveOlderThanTheJarIsWrittenAgain() throws Exception {
        launch(Map.of(), "checks", "list");
        if (!sharing) {
            assertThat(files()).isEmpty();
            return;
        }
        Path archive = files().get(0);
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
        Files.setLastModifiedTime(archive, old);
        Files.setLastModifiedTime(target.resolve("rsaudit.jar"), FileTime.fromMillis(old.toMillis() + 60_000L));
        assertThat(launch(Map.of(), "checks", "list").code).isZero();
        assertThat(Files.getLastModifiedTime(archive))
                .isGreaterThan(Files.getLastModifiedTime(target.resolve("rsaudit.jar")));
    }

    /** The archives and anything else the launcher left beside the jar. */
    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> !p.getFileName().toString().equals("rsaudit.jar"))
                    .sorted()
                    .toList();
        }
    }

    private record Run(int code, String out, String err) {}

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", dir.resolve("rsaudit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        // the java the launcher finds is this test's
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        pb.environment()
                .put("PATH", bin + java.io.File.pathSeparator + pb.environment().getOrDefault("PATH", ""));
        pb.environment().remove("RSAUDIT_JAVA_OPTS");
        pb.environment().remove("STAND_IN_EXIT");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
