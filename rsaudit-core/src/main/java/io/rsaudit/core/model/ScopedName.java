package io.rsaudit.core.model;

/** A name that is unique within one account and region. */
public record ScopedName(Scope scope, String name) {}
