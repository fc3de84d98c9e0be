/**
 * The normalized inventory of a Redshift estate, and the value types every layer shares: records, with no behaviour
 * beyond small derivations and readers of AWS's own notations (ARNs, networks, a snapshot's resource policy, a key
 * policy: {@link io.rsaudit.core.model.KeyPolicy}, and which accounts it lets use the key: {@link
 * io.rsaudit.core.model.KeyPolicyUse}, read alike by the scan's key policy check and the hunt's rules; how IAM reads
 * a principal's account and an action pattern: {@link io.rsaudit.core.model.IamPolicies}). Depends on nothing else
 * in rsaudit.
 *
 * <p>In: values built by a {@code source} adapter (AWS CLI JSON today; SDK and IaC later). Out: an {@link
 * io.rsaudit.core.model.Inventory} that checks read. Every field a check reads is a {@link
 * io.rsaudit.core.model.Value}: it knows whether it is known, defaulted (absent, AWS default applied) or unknown, why
 * (a typed {@link io.rsaudit.core.model.Reason}: not collected, call failed, unreadable, absent...), and where it came
 * from. Problems met while building the inventory are data too: {@link io.rsaudit.core.model.CollectionError}. The
 * shared value types: {@link io.rsaudit.core.model.Severity} (checks and rules), {@link io.rsaudit.core.model.Cidr}
 * and {@link io.rsaudit.core.model.Durations} (policy and rules), {@link io.rsaudit.core.model.Verdict} (a whole
 * run's outcome, which front ends map to exit codes), and {@link io.rsaudit.core.model.SnapshotResourcePolicy}, how
 * a Serverless snapshot's resource policy grants restores (rules judge it in CloudTrail, fix rewrites it).
 */
package io.rsaudit.core.model;
