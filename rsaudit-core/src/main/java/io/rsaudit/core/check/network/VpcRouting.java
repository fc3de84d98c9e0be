package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Value;

/** Judges an {@code EnhancedVpcRouting} flag; shared by the cluster and workgroup checks. */
final class VpcRouting {

    private VpcRouting() {
    }

    /** @param subject "the cluster" or "the workgroup" */
    static Outcome judge(String subject, Value<Boolean> enhancedVpcRouting) {
        if (!enhancedVpcRouting.isPresent()) {
            return Outcome.unknown("cannot tell whether " + subject + " uses enhanced VPC routing", enhancedVpcRouting);
        }
        if (!enhancedVpcRouting.value()) {
            return Outcome.fail("enhanced VPC routing is off: COPY and UNLOAD traffic between " + subject + " and"
                    + " Amazon S3 (and other data sources) bypasses its VPC, so S3 VPC endpoint policies, security"
                    + " groups, network ACLs and VPC flow logs neither see nor restrict it, and an UNLOAD to any bucket"
                    + " in the world cannot be blocked at the network level", enhancedVpcRouting);
        }
        return Outcome.pass("enhanced VPC routing is on: COPY and UNLOAD traffic of " + subject + " goes through its VPC",
                enhancedVpcRouting);
    }
}
