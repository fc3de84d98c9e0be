package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Value;

/** Judges one boolean TLS parameter of a cluster's group; shared by the require_ssl and FIPS checks. */
final class SslParameter {

    private SslParameter() {
    }

    static Outcome judge(Cluster cluster, CheckContext context, String parameter) {
        Value<String> value = ClusterParameters.read(cluster, context, parameter, "false");
        String group = ClusterParameters.groupName(cluster);
        if (value.isUnknown()) {
            return Outcome.unknown("cannot read " + parameter + " of " + group, value);
        }
        if (!ClusterParameters.isTrue(value)) {
            String fix = ClusterParameters.onDefaultGroup(cluster) ? "; it is a default group, which cannot be"
                    + " modified: attach a custom group that sets it" : "";
            return Outcome.fail(parameter + " is " + value.value() + " in " + group + fix, value);
        }
        if (ClusterParameters.pendingReboot(cluster, parameter)) {
            return Outcome.fail(parameter + " is true in " + group + " but not yet in effect: the cluster reports"
                    + " it pending-reboot", value);
        }
        return Outcome.pass(parameter + " is true in " + group, value);
    }
}
