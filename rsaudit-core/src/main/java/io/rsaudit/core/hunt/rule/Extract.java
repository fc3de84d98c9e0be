package io.rsaudit.core.hunt.rule;

import java.util.regex.Pattern;

/**
 * A derived field: the first capture group of the first match of {@code pattern} in {@code from}
 * (the bucket an {@code UNLOAD} writes to, the account a datashare is granted to). Selections and keys read it
 * by its name like any other field.
 */
public record Extract(String name, String from, Pattern pattern) {}
