/**
 * Work spread over the machine's cores whose results must still come out in one order: the scan's checks and the
 * report writers use it so that a report is byte for byte the same on one core or many. A bottom layer: it uses no
 * other package of the core.
 *
 * <p>In: a list of items and what to do with each. Out: the results, handed to the caller's thread in the items'
 * order. See {@link io.rsaudit.core.parallel.InOrder}.
 */
package io.rsaudit.core.parallel;
