package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

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
}
