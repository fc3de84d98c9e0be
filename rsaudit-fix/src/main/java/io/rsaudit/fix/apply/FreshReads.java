package io.rsaudit.fix.apply;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import java.util.Objects;

/**
 * The reads of an apply: a scope read after the last write call is still what AWS holds, so the read that verified one
 * resource is the re-read of the next resource of the same account and region. Any write call (made or failed)
 * makes the next read a new one.
 */
final class FreshReads {

    private final EstateReader reader;
    private Scope scope;
    private Inventory last;
    private int reads;

    FreshReads(EstateReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The state of {@code scope} now: the last read if nothing was written since, else a new read. */
    Inventory read(Scope wanted) {
        if (last == null || !wanted.equals(scope)) {
            last = reader.read(wanted);
            scope = wanted;
            reads++;
        }
        return last;
    }

    /** A write call was made (or tried): the last read is stale. */
    void wrote() {
        last = null;
    }

    /** How many reads were made. */
    int reads() {
        return reads;
    }
}
