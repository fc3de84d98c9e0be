/**
 * The rule engine: events in, alerts out.
 *
 * <p>In: {@link io.rsaudit.core.hunt.Event}s from any number of reading threads, and the compiled rules. Out, when
 * the input is finished: {@link io.rsaudit.core.hunt.engine.Alert}s in a fixed order, and notes on anything the
 * engine could not judge (events without a time in windowed rules, matches past the memory budget, alerts past the
 * per-rule limit). Only matching events are kept, each compactly (time, place, a shared {@code Trace});
 * windows are evaluated at the end, in time order, so files may arrive in any order.
 */
package io.rsaudit.core.hunt.engine;
