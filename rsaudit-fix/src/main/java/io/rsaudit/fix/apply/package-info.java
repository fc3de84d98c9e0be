/**
 * Executes a plan: per resource re-read, skip if compliant, call (waiting for a resource a call left busy), verify or
 * record pending and when; a JSON Lines journal of every call; resume after a crash and undo from a journal. In: a
 * plan, a {@link io.rsaudit.fix.apply.FixClient} (the write calls, implemented over the AWS SDK in rsaudit-aws), an
 * {@link io.rsaudit.fix.apply.EstateReader} and a {@link io.rsaudit.fix.apply.StatusReader}.
 * Out: journal lines and an {@link io.rsaudit.fix.apply.ApplyReport}.
 */
package io.rsaudit.fix.apply;
