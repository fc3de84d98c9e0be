package io.rsaudit.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether rsaudit runs on a terminal, on every Java version it may run on. Up to Java 21, {@link System#console()} is
 * {@code null} unless stdin and stdout are both a terminal; from Java 22 on it returns a console whenever the JVM has
 * one to offer, and only {@code Console.isTerminal()} (added in 22) tells a pipe from a terminal. Asking the console
 * alone would make a redirected {@code fix --apply} on a newer JVM wait for an answer instead of demanding
 * {@code --yes}, and draw progress lines into a log file.
 */
final class Interactive {

    private Interactive() {}

    /** True when stdin and stdout are a terminal. */
    static boolean terminal() {
        return isTerminal(System.console());
    }

    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            // Java 17 to 21: a console exists only on a terminal
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
