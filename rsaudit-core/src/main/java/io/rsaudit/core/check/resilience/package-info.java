/**
 * Checks of resilience and patching: whether a cluster survives the loss of an Availability Zone (its Multi-AZ
 * deployment, the zones its subnet group spans), and whether it receives new engine versions in its maintenance window.
 */
package io.rsaudit.core.check.resilience;
