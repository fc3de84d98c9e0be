package io.rsaudit.cli;

import io.rsaudit.core.report.Terminal;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rsaudit}: the entry point. */
@Command(
        name = "rsaudit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Audits Amazon Redshift estates: encryption in transit and at rest, backups, logging, exposure.",
        subcommands = {ScanCommand.class, HuntCommand.class, FixCommand.class, ExportCommand.class, ChecksCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:clean: nothing at or above --fail-on failed",
            "1:failing findings (scan) or alerts (hunt) at or above --fail-on",
            "2:usage error (arguments, policy file, input or output folder)",
            "3:incomplete: collection errors, unknown results at or above --fail-on, or log read problems",
            "4:internal error"
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(Clock.systemUTC(), utf8(System.out), utf8(System.err), args);
        // System.out keeps write errors to itself too (the PrintWriter above never sees them): a report lost on a
        // full disk or a closed stdout is a failed run, not a clean one
        System.out.flush();
        if (System.out.checkError() && code != ExitCode.USAGE.code()) {
            System.err.println("rsaudit: cannot write to stdout (disk full, or the pipe or file closed); the output"
                    + " is lost or incomplete. Use --output FILE to write the report to a file");
            code = ExitCode.USAGE.code();
        }
        System.exit(code);
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

    /** Runs the CLI and returns the exit code; the clock and streams are injected so tests can run it in process. */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(), new Factory(clock));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                commandLine.getErr().println("rsaudit: " + Terminal.escapeLines(e.getMessage()));
                return ExitCode.USAGE.code();
            }
            commandLine.getErr().println("rsaudit: internal error: " + Terminal.escapeLines(e.toString()));
            e.printStackTrace(commandLine.getErr());
            return ExitCode.INTERNAL.code();
        });
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("rsaudit: " + Terminal.escapeLines(e.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE.code();
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("rsaudit: out of memory (" + Terminal.escape(e.getMessage())
                    + "): the input needs more than the JVM's limit of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; raise it, e.g."
                    + " RSAUDIT_JAVA_OPTS=-Xmx4g ./rsaudit ... (or java -Xmx4g -jar ...)");
            code = ExitCode.INTERNAL.code();
        } catch (StackOverflowError e) {
            err.println("rsaudit: stack overflow: an input is nested deeper than this JVM's stack allows; raise it"
                    + " with RSAUDIT_JAVA_OPTS=-Xss8m, and please report the input's shape");
            code = ExitCode.INTERNAL.code();
        } catch (Error e) {
            // one line, not a stack trace: CI must tell a crash (4) from findings (1)
            err.println("rsaudit: fatal JVM error: " + Terminal.escape(e.toString()));
            code = ExitCode.INTERNAL.code();
        }
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Bad input a person can fix: reported in one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Hands the clock to the commands that need one. */
    private record Factory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ScanCommand.class) {
                return cls.cast(new ScanCommand(clock));
            }
            if (cls == HuntCommand.class) {
                return cls.cast(new HuntCommand(clock));
            }
            if (cls == FixCommand.class) {
                return cls.cast(new FixCommand(clock));
            }
            if (cls == ExportCommand.class) {
                return cls.cast(new ExportCommand(clock));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rsaudit " + version()};
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
