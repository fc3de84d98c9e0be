package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 #14: a JVM error ends the run with one line saying what ran out, and exit 4, never 1 ("alerts"). */
class FatalErrorTest {

    /** A stdout whose writes run out of memory, as a report of a huge estate can. */
    private static final class Exhausted extends Writer {
        @Override
        public void write(char[] cbuf, int off, int len) {
            throw new OutOfMemoryError("Java heap space");
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void outOfMemoryIsOneLineAndExitFour() {
        StringWriter err = new StringWriter();
        int code = Main.run(
                CliRun.CLOCK,
                new PrintWriter(new Exhausted(), true),
                new PrintWriter(err, true),
                "hunt",
                HuntCommandTest.CORPUS);
        assertThat(code).isEqualTo(ExitCode.INTERNAL.code());
        assertThat(err.toString()).contains("out of memory", "-Xmx").doesNotContain("\tat ");
        assertThat(err.toString().lines().filter(l -> l.startsWith("rsaudit:"))).hasSize(1);
    }

    /**
     * A 14 MB SQL record in a 128 MiB heap, with secrets nested in a literal (the redactor's costliest shape): the
     * hunt finishes, the record judged or reported as oversized and counted, never an out-of-memory crash (exit 4).
     */
    @Test
    void aHugeRecordInASmallHeapIsJudgedOrReportedNeverACrash(@TempDir Path dir) throws Exception {
        String header = "'2023-06-26T18:02:47Z UTC [ db=dev user=awsuser pid=26189 userid=100 xid=712798 ]' LOG: ";
        String unit = "alter user u password ''s3cr3t'' ; ";
        Path log = dir.resolve("111111111111_redshift_eu-west-1_prod_useractivitylog_2023-06-26T18:00.log");
        Files.writeString(
                log,
                header + "insert into t values ('" + unit.repeat((14 << 20) / unit.length()) + "');\n" + header
                        + "select 1;\n",
                StandardCharsets.UTF_8);
        Path report = dir.resolve("report.json");
        Process child = ChildJvm.start(
                dir, List.of("-Xmx128m"), "hunt", log.toString(), "--format", "json", "--output", report.toString());
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("child.err"));
        assertThat(child.exitValue()).as(err).isIn(1, 3);
        JsonNode read = new ObjectMapper().readTree(report.toFile()).path("read");
        assertThat(read.path("records").asInt()).isEqualTo(2);
        if (read.path("events").asInt() == 1) {
            assertThat(read.path("problems").get(0).path("kind").asText()).isEqualTo("oversized");
        } else {
            assertThat(read.path("events").asInt()).isEqualTo(2);
        }
        assertThat(err).doesNotContain("s3cr3t");
    }
}
