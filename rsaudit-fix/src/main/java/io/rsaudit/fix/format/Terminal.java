package io.rsaudit.fix.format;

/** Values from the estate made safe for a terminal, as every report of rsaudit makes them ({@link io.rsaudit.core.report.Terminal}). */
public final class Terminal {

    private Terminal() {}

    /** {@code value}'s text with every character a terminal would act on escaped. */
    public static String escape(Object value) {
        return io.rsaudit.core.report.Terminal.escape(String.valueOf(value));
    }
}
