package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Event;

/**
 * Receives the events {@link LogReader} emits. Called from several threads at once when files are read in
 * parallel, and also when files are read one at a time with file workers (a worker reads a CloudTrail file while
 * the next file is read): the events of one file arrive in file order, from one thread at a time, but events of
 * different files interleave in no defined order. Implementations must be thread-safe. An exception thrown here is
 * not bad input: it stops the read and is rethrown by {@link LogReader#read}.
 */
@FunctionalInterface
public interface EventSink {

    void accept(Event event);
}
