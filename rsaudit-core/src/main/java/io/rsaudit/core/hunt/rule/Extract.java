package io.rsaudit.core.hunt.rule;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * A derived field: the first capture group of the first match of {@code pattern} in the first of {@code from} that
 * the event has (the bucket an {@code UNLOAD} writes to, the account a datashare is granted to, the user a
 * statement or a user-log row is about). Selections and keys read it by its name like any other field. The pattern
 * runs on RE2/J, in time linear in the value.
 */
public record Extract(String name, List<String> from, Pattern pattern) {
    public Extract {
        from = List.copyOf(from);
    }
}
