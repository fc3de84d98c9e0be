/**
 * Compliance frameworks as data: which requirement of which framework the checks answer.
 *
 * <p>In: one YAML file per framework in the resources ({@code frameworks/<id>.yaml}, listed in {@code
 * frameworks/index.txt}): each requirement's id and title, the checks that answer it, or {@code manual} with why no
 * check can. Out: {@link io.rsaudit.core.compliance.Frameworks}, every framework and the compliance ids of a check
 * ({@code fsbp:Redshift.1}), which report writers print; {@link io.rsaudit.core.compliance.ComplianceTally}, which
 * judges each requirement from a scan's findings (PASS, FAIL, UNKNOWN, manual) and names the failing resources.
 * Nothing here decides a finding: a requirement's status is read off the findings of its checks.
 */
package io.rsaudit.core.compliance;
