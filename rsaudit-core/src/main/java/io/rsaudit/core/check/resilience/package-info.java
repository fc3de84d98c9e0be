/**
 * Checks of resilience and patching: whether a cluster survives the loss of an Availability Zone, and whether it
 * receives new engine versions in its maintenance window.
 */
package io.rsaudit.core.check.resilience;
