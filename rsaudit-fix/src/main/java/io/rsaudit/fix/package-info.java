/**
 * rsaudit's remediation: {@code plan} turns failing findings into remedies and API calls (or refusals with reasons),
 * {@code format} writes a plan as text, JSON, a shell script or Terraform snippets, and {@code apply} executes a plan
 * one resource at a time through a {@link io.rsaudit.fix.apply.FixClient}, journaling every call. In: an inventory,
 * the check catalog and the policy. Out: plans, journals, apply reports. No AWS SDK here.
 */
package io.rsaudit.fix;
