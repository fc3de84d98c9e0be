package io.rsaudit.fix.apply;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;

/** Reads the current state of one account and region, as a scan would: before and after each resource's calls. */
@FunctionalInterface
public interface EstateReader {

    Inventory read(Scope scope);
}
