package io.rsaudit.bench;

import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code rsaudit-bench}: the entry point of the benchmarks ({@link BenchCommand}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
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
