package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Value;

/** Judges an {@code EnhancedVpcRouting} flag; shared by the cluster and workgroup checks. */
final class VpcRouting {

    private VpcRouting() {}

    /**
     * @param kind "cluster" or "workgroup"
     * @param name the resource's name
     */
    static Outcome judge(String kind, String name, Value<Boolean> enhancedVpcRouting) {
        String subject = kind + " " + name;
        if (!enhancedVpcRouting.isPresent()) {
            return Outcome.unknown("cannot tell whether " + subject + " uses enhanced VPC routing", enhancedVpcRouting);
        }
        if (!enhancedVpcRouting.value()) {
            return Outcome.fail(
                    "enhanced VPC routing of " + subject + " is off: COPY and UNLOAD traffic between the "
                            + kind
                            + " and Amazon S3 (and other data sources) bypasses its VPC, so S3 VPC endpoint policies,"
                            + " security groups, network ACLs and VPC flow logs neither see nor restrict it, and an UNLOAD to"
                            + " any bucket in the world cannot be blocked at the network level",
                    enhancedVpcRouting);
        }
        return Outcome.pass(
                "enhanced VPC routing of " + subject + " is on: its COPY and UNLOAD traffic goes through" + " its VPC",
                enhancedVpcRouting);
    }
}
