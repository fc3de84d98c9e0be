/**
 * Executes a plan: per resource re-read, skip if compliant, call, verify or record pending; a JSON Lines journal of
 * every call; resume after a crash and undo from a journal. In: a plan, a {@link io.rsaudit.fix.apply.FixClient}
 * (the write calls, implemented over the AWS SDK in rsaudit-aws) and an {@link io.rsaudit.fix.apply.EstateReader}.
 * Out: journal lines and an {@link io.rsaudit.fix.apply.ApplyReport}.
 */
package io.rsaudit.fix.apply;
