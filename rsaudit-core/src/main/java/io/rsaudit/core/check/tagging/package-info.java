/**
 * Checks of tagging: whether clusters and snapshots carry the tag keys the policy requires ({@code requiredTagKeys}),
 * the Security Hub controls Redshift.11 and Redshift.13. They read the resources' {@code Tags} and the policy, and
 * leave a verdict per resource.
 */
package io.rsaudit.core.check.tagging;
