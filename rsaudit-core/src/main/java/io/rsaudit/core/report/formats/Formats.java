package io.rsaudit.core.report.formats;

import io.rsaudit.core.report.Format;
import io.rsaudit.core.report.json.HuntJsonWriter;
import io.rsaudit.core.report.json.ScanJsonWriter;
import io.rsaudit.core.report.text.HuntTextWriter;
import io.rsaudit.core.report.text.ScanTextWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every report format rsaudit writes, by name: the one place a format is registered. A new format is one writer class
 * (or one for scans and one for hunts) and one line here.
 */
public final class Formats {

    private static final Map<String, Format> BY_NAME = index(
            new Format(
                    "text",
                    "txt",
                    "for a person: summary table, open findings or alerts with evidence and fix",
                    (out, style) -> new ScanTextWriter(out, style.colour()),
                    (out, style) -> new HuntTextWriter(out)),
            new Format(
                    "json",
                    "json",
                    "for a machine: rsaudit-scan/1 (docs/json-report.md), rsaudit-hunt/1 (docs/hunt-report.md)",
                    (out, style) -> new ScanJsonWriter(out),
                    (out, style) -> new HuntJsonWriter(out)));

    private Formats() {}

    /** Every format, in registration order. */
    public static List<Format> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Format> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Format> index(Format... formats) {
        Map<String, Format> byName = new LinkedHashMap<>();
        for (Format f : formats) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalStateException("two formats are named " + f.name());
            }
        }
        return byName;
    }
}
