package io.rsaudit.core.scan;

import io.rsaudit.core.check.CheckMetadata;
import io.rsaudit.core.check.Finding;

/**
 * What a {@link Scan} tells as it goes: the header once the inventory is loaded, every finding as it is made, and
 * progress after each check. Called on the scanning thread, in that order; every method does nothing by default. A
 * report writer is fed from here, so a listener that keeps findings makes memory grow with them.
 */
public interface ScanListener {

    /** The inventory is loaded: what is scanned, against which checks, and what collecting it met. */
    default void started(ScanHeader header) {}

    /** One check's verdict on one resource, after policy. */
    default void finding(Finding finding) {}

    /** A check has judged all {@code resources} resources of its type. */
    default void checked(CheckMetadata check, int resources) {}
}
