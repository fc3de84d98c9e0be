package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Value;

/** Judges a {@code PubliclyAccessible} flag; shared by the cluster and workgroup checks. */
final class PublicAccess {

    private PublicAccess() {}

    /**
     * @param subject "cluster X" or "workgroup Y"
     * @param groupsCheck the check that judges the endpoint's security groups, named so the reader knows where the
     *     remaining barrier is judged
     */
    static Outcome judge(String subject, Value<Boolean> publiclyAccessible, String groupsCheck) {
        if (!publiclyAccessible.isPresent()) {
            return Outcome.unknown("cannot tell whether " + subject + " is publicly accessible", publiclyAccessible);
        }
        if (publiclyAccessible.value()) {
            return Outcome.fail(
                    subject + " is publicly accessible: its endpoint has a public IP address, so its"
                            + " security groups are the only network barrier between the internet and the database login"
                            + " (judged by " + groupsCheck + ")",
                    publiclyAccessible);
        }
        return Outcome.pass(
                subject + " is not publicly accessible: its endpoint has only private addresses in its VPC",
                publiclyAccessible);
    }
}
