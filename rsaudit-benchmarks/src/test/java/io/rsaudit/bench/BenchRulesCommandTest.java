package io.rsaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rsaudit-bench rules}: generate writes logs and the policy of their estate; a hunt of them runs. */
class BenchRulesCommandTest {

    @Test
    void generate_then_hunt(@TempDir Path dir) {
        Path logs = dir.resolve("logs");
        BenchRun run = BenchRun.of("rules", "generate", logs.toString(), "100000");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(logs.resolve("AWSLogs")).isDirectory();
        assertThat(dir.resolve("logs.policy.yaml"))
                .content()
                .contains("allowedCidrs")
                .contains("adminUsers");

        run = BenchRun.of("rules", "hunt", logs.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void bytes_go_to_generate_only(@TempDir Path dir) {
        assertThat(BenchRun.of("rules", "generate", dir.toString()).code()).isEqualTo(2);
        BenchRun run = BenchRun.of("rules", "ratio", dir.toString(), "5");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("BYTES is given to generate and day, and only to them");
    }

    /**
     * e2e times the hunt users run: the JVM options it gives a hunt are those of the ./rsaudit launcher, which maps a
     * class data sharing archive as e2e does.
     */
    @Test
    void e2eRunsHuntsWithTheLaunchersOptions() throws Exception {
        String launcher = Files.readString(Path.of("..", "rsaudit"));
        assertThat(launcher)
                .contains("        jvm=(" + String.join(" ", HuntEndToEnd.LAUNCHER_HUNT_OPTIONS) + ")\n")
                .contains("            jvm+=(" + HuntEndToEnd.LAUNCHER_HUGE_PAGES + ")\n")
                .contains("/sys/kernel/mm/transparent_hugepage/enabled")
                .contains("jvm+=(\"-XX:SharedArchiveFile=$archive\")");
    }
}
