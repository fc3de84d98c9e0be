package io.rsaudit.core.source;

import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems met while reading: an {@link Export} reports what is wrong with it here. Unknown fields are
 * folded into one warning per file and field, so a thousand snapshots with the same unexpected member make one line,
 * not a thousand. One instance is written by one thread; the loader gives each parallel task its own and joins them
 * in the order a sequential read would have met the problems.
 */
public final class Diagnostics {

    private final List<CollectionError> errors = new ArrayList<>();
    private final Map<String, UnknownField> unknownFields = new LinkedHashMap<>();

    Diagnostics() {}

    /**
     * A problem of {@code kind} at {@code location} (a file and pointer, or an API call). The message is redacted
     * here, whatever it quotes (an {@code .error} file's text, an excerpt of a wrong value): no secret from the input
     * reaches a report through a problem.
     */
    public void error(Kind kind, String location, String message) {
        errors.add(new CollectionError(kind, redact(location), redact(message)));
    }

    private static String redact(String text) {
        return Redactor.redact(text);
    }

    void unknownField(String file, String pointer, String shape, String member) {
        unknownFields.computeIfAbsent(
                        file + "\u0000" + shape + "\u0000" + member,
                        k -> new UnknownField(file + "#" + pointer, shape, member))
                .count++;
    }

    /** Appends what {@code later} collected, as if it had been met after everything here. */
    void addAll(Diagnostics later) {
        errors.addAll(later.errors);
        later.unknownFields.forEach((k, u) -> {
            UnknownField mine = unknownFields.putIfAbsent(k, u);
            if (mine != null) {
                mine.count += u.count;
            }
        });
    }

    List<CollectionError> all() {
        List<CollectionError> all = new ArrayList<>(errors);
        for (UnknownField u : unknownFields.values()) {
            String times = u.count == 1 ? "" : " (and " + (u.count - 1) + " more in this file)";
            all.add(new CollectionError(
                    Kind.UNKNOWN_FIELD,
                    redact(u.firstLocation),
                    "'" + redact(u.member)
                            + "' is not a member of " + u.shape
                            + " in the AWS model rsaudit knows; ignored (a typo, or a"
                            + " newer API)" + times));
        }
        return all;
    }

    private static final class UnknownField {
        final String firstLocation;
        final String shape;
        final String member;
        int count;

        UnknownField(String firstLocation, String shape, String member) {
            this.firstLocation = firstLocation;
            this.shape = shape;
            this.member = member;
        }
    }
}
