/**
 * The user's policy: what "good" means for this estate.
 *
 * <p>In: an optional YAML file ({@code docs/policy.md}, {@code examples/policy.yaml}). Out: a validated,
 * immutable {@link io.rsaudit.core.policy.Policy} with defaults for everything the file leaves out. Every
 * problem in the file is reported at once, each naming its line or field; a policy with problems is rejected
 * whole, because judging an estate against half a policy would mislead. Depends on model only.
 */
package io.rsaudit.core.policy;
