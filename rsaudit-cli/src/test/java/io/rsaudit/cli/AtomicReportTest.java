package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
}
