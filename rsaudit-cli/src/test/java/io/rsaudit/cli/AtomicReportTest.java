package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 #9: a report is written to a temporary file beside it and renamed into place. */
class AtomicReportTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsWritingTheSameReportLeaveOneWholeReportAndNoTemporary() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "previous");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CliRun>> runs = pool.invokeAll(List.of(
                    () -> CliRun.of("hunt", HuntCommandTest.CORPUS, "--format", "json", "--output", report.toString()),
                    () -> CliRun.of(
                            "hunt", HuntCommandTest.CORPUS, "--format", "json", "--output", report.toString())));
            for (Future<CliRun> f : runs) {
                assertThat(f.get().code()).as(f.get().err()).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        // whole JSON, not a mix of the two runs
        assertThat(new ObjectMapper().readTree(report.toFile()).path("schema").asText())
                .isEqualTo("rsaudit-hunt/1");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    /**
     * SIGINT while the report is being written: the child's hunt blocks reading a named pipe with its report's
     * temporary file open; interrupted there, it leaves the previous report as it was and removes its temporary.
     */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anInterruptedRunLeavesThePreviousReportAndNoTemporary() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path report = out.resolve("report.json");
        Files.writeString(report, "previous");
        Path pipe = dir.resolve("111111111111_redshift_eu-west-1_prod_useractivitylog_2023-06-26T18:00.log");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor())
                .isZero();
        Process child = ChildJvm.start(
                dir, List.of(), "hunt", pipe.toString(), "--format", "json", "--output", report.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (temporaries(out) == 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(temporaries(out))
                    .as(Files.readString(dir.resolve("child.err")))
                    .isEqualTo(1);
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(child.pid()))
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(Files.readString(report)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    private static long temporaries(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .count();
        }
    }

    /**
     * Several formats into --output-dir: when one report cannot be put in place (here its name is taken by a
     * folder), the others already renamed get their previous content back; the folder never mixes two runs.
     */
    @Test
    void anOutputFolderGetsEveryReportOrNone() throws Exception {
        Files.writeString(dir.resolve("rsaudit-hunt.txt"), "previous text");
        Files.createDirectories(dir.resolve("rsaudit-hunt.json").resolve("in-the-way"));
        CliRun run = CliRun.of("hunt", HuntCommandTest.CORPUS, "--format", "text,json", "--output-dir", dir.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write the report");
        assertThat(Files.readString(dir.resolve("rsaudit-hunt.txt"))).isEqualTo("previous text");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("rsaudit-hunt.txt", "rsaudit-hunt.json");
        }

        // and with nothing in the way, both are written
        Files.delete(dir.resolve("rsaudit-hunt.json").resolve("in-the-way"));
        Files.delete(dir.resolve("rsaudit-hunt.json"));
        run = CliRun.of("hunt", HuntCommandTest.CORPUS, "--format", "text,json", "--output-dir", dir.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("rsaudit-hunt.txt"))).isNotEqualTo("previous text");
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("rsaudit-hunt.json").toFile())
                        .path("schema")
                        .asText())
                .isEqualTo("rsaudit-hunt/1");
    }
}
