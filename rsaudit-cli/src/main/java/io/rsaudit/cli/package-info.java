/**
 * The command line: one picocli class per subcommand, over rsaudit-core.
 *
 * <p>In: arguments and files. Out: the report on stdout or {@code --output}, talk on stderr, and an
 * {@link io.rsaudit.cli.ExitCode}. {@link io.rsaudit.cli.Main} is the only code that calls {@code System.exit}.
 */
package io.rsaudit.cli;
