/**
 * Writes a {@link io.rsaudit.fix.plan.Plan}: text for a person, JSON for programs, a POSIX shell script of AWS CLI
 * commands, Terraform snippets. In: a plan. Out: characters on a writer; every value from the estate is escaped
 * (terminal) or quoted (shell, HCL).
 */
package io.rsaudit.fix.format;
