/**
 * What a fix would do. In: an {@link io.rsaudit.core.model.Inventory}, the policy and the options (which checks and
 * resources, which risky actions are allowed). Out: a {@link io.rsaudit.fix.plan.Plan}: per failing resource its
 * remedies and the exact calls, the refused remedies with the reason and the flag that allows them, and the failures
 * that stay manual. Nothing here calls AWS.
 */
package io.rsaudit.fix.plan;
