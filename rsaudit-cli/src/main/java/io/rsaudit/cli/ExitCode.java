package io.rsaudit.cli;

import io.rsaudit.core.model.Verdict;

/** The process exit codes, as DESIGN.md fixes them. */
public enum ExitCode {
    /** Everything judged; nothing at or above the threshold failed. */
    CLEAN(0),
    /** Failing findings at or above {@code --fail-on}. Wins over INCOMPLETE: those failures are certain. */
    FINDINGS(1),
    /** Bad arguments, unreadable policy, missing input. */
    USAGE(2),
    /** Collection errors, or unknowns at or above the threshold: the picture is partial. */
    INCOMPLETE(3),
    /** A bug in rsaudit. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The exit code under {@code --fail-on-new}: a bug still wins; then FINDINGS only for new results at or above the
     * threshold; then INCOMPLETE for a partial picture ({@code partial}); else CLEAN, whatever was already in the
     * baseline.
     */
    static ExitCode ofNew(Verdict verdict, boolean partial, long newAtThreshold) {
        if (verdict == Verdict.INTERNAL_ERROR) {
            return INTERNAL;
        }
        if (newAtThreshold > 0) {
            return FINDINGS;
        }
        return partial || verdict == Verdict.INCOMPLETE ? INCOMPLETE : CLEAN;
    }

    static ExitCode of(Verdict verdict) {
        return switch (verdict) {
            case INTERNAL_ERROR -> INTERNAL;
            case FINDINGS -> FINDINGS;
            case INCOMPLETE -> INCOMPLETE;
            case CLEAN -> CLEAN;
        };
    }
}
