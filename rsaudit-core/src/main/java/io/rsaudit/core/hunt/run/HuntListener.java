package io.rsaudit.core.hunt.run;

import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.read.ReadSummary;

/**
 * What a {@link Hunt} tells as it goes: the header before reading, that reading is done, then every alert. Called
 * on the hunting thread, in that order; every method does nothing by default.
 */
public interface HuntListener {

    /** Nothing read yet: what is read, with which rules and policy. */
    default void started(HuntHeader header) {}

    /** Every input is read; the rules' windows are judged next. */
    default void read(ReadSummary summary) {}

    /** One alert, in the engine's order (time, then rule). */
    default void alert(Alert alert) {}
}
