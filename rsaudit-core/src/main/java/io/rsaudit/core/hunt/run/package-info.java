/**
 * The hunt service: read logs and run the detection rules over them.
 *
 * <p>In: a {@link io.rsaudit.core.hunt.run.HuntInput} (log inputs, their names, what finding them met), rules, a
 * {@link io.rsaudit.core.policy.Policy}, {@link io.rsaudit.core.hunt.read.ReadOptions}, a clock and a threshold. Out,
 * to a {@link io.rsaudit.core.hunt.run.HuntListener}: the {@link io.rsaudit.core.hunt.run.HuntHeader}, the read
 * summary, each {@link io.rsaudit.core.hunt.engine.Alert}; returned: the {@link io.rsaudit.core.hunt.run.HuntSummary}
 * (what was read, what was not judged, verdict). Nothing here prints, exits or maps a verdict to an exit code.
 */
package io.rsaudit.core.hunt.run;
