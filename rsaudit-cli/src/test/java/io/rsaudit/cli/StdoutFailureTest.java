package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.testing.Estate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 #4: a report that cannot be written to stdout is a failed run (exit 2 with a message), never "clean". */
class StdoutFailureTest {

    @TempDir
    Path dir;

    /** Like {@code /dev/full}: every write fails. */
    private static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @Test
    void aScanWhoseStdoutIsFullExitsTwo() {
        Estate e = Estate.in(dir.resolve("estate"))
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/a'}");
        for (AwsCliCall call : AwsCliCall.values()) {
            if (call.regional() && call.perResource() == null) {
                e.json(ScanCommandTest.R + call.file(), "{'" + call.listMember() + "': []}");
            }
        }
        StringWriter err = new StringWriter();
        int code = Main.run(
                CliRun.CLOCK,
                new PrintWriter(new FullDevice(), true),
                new PrintWriter(err, true),
                "scan",
                "--input",
                e.root().toString(),
                "--fail-on",
                "none");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("cannot write the report to stdout");
    }

    @Test
    void aHuntWhoseStdoutIsClosedExitsTwo() {
        PrintWriter closed = new PrintWriter(new StringWriter());
        closed.close();
        StringWriter err = new StringWriter();
        int code = Main.run(CliRun.CLOCK, closed, new PrintWriter(err, true), "hunt", HuntCommandTest.CORPUS);
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("cannot write the report to stdout");
    }
}
