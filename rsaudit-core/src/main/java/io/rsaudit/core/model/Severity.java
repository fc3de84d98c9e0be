package io.rsaudit.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How bad a failing check is, lowest first. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code high}, {@code HIGH}...; the message lists the valid names. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a severity; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
    }
}
