package io.rsaudit.bench;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** {@code rsaudit-bench}: the entry point of the benchmarks ({@link BenchCommand}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(utf8(System.out), utf8(System.err), args));
    }

    /**
     * A writer of UTF-8 on a standard stream, whatever the platform's default charset: Java 17 takes the default from
     * the locale, and under {@code LANG=C} (cron, containers, CI) it is US-ASCII, which turns every character outside
     * ASCII in a report (a tag value, a user name) into '?'. JSON, SARIF and the other formats are UTF-8 by their
     * specifications, and so is every file rsaudit writes.
     */
    static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /**
     * Runs a benchmark and returns the exit code; the streams are injected so tests can run it in process. Bad
     * arguments get picocli's message and usage (exit code 2), an {@link UsageException} its message (2), anything
     * else its stack trace (1).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                commandLine.getErr().println("rsaudit-bench: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            throw e;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Bad input a person can fix: reported in one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rsaudit-bench " + (v == null ? "dev" : v)};
        }
    }
}
