/**
 * Checks of tagging: whether clusters, snapshots, parameter groups, event notification subscriptions and subnet groups
 * carry the tag keys the policy requires ({@code requiredTagKeys}), the Security Hub controls Redshift.11, .12, .13, .14
 * and .17. They read the resources' {@code Tags} and the policy, and leave a verdict per resource.
 */
package io.rsaudit.core.check.tagging;
