package io.rsaudit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI in a JVM of its own, with the test's class path: for heap limits and signals a test cannot set in process. */
final class ChildJvm {

    private ChildJvm() {}

    /**
     * The JVM options of the tests' own JVMs (the parent pom's surefire argLine): C1 only and the serial collector,
     * cheaper for a run of a second or two.
     */
    static final List<String> SHORT_RUN = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * Starts {@code Main} with {@link #SHORT_RUN} and {@code jvmOptions}; stdout and stderr go to files in
     * {@code dir}.
     */
    static Process start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SHORT_RUN);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }
}
