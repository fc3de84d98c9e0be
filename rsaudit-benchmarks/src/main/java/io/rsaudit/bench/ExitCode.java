package io.rsaudit.bench;

/**
 * The benchmarks' exit codes, as {@code rsaudit}'s where they mean the same; a bug is picocli's 1, with its stack
 * trace.
 */
enum ExitCode {
    /** Measured. */
    CLEAN(0),
    /** Bad arguments or input. */
    USAGE(2),
    /** Measured, but the live collection met errors: the run did not do all the work it measures. */
    INCOMPLETE(3),
    /** The run was interrupted. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
