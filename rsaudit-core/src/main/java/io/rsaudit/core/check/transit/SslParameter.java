package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.transit.TlsSetting.State;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Value;

/** Reads one boolean TLS parameter of a cluster's group; shared by the require_ssl and FIPS checks. */
final class SslParameter {

    private SslParameter() {
    }

    static TlsSetting read(Cluster cluster, CheckContext context, String parameter) {
        // Both require_ssl and use_fips_ssl default to false in the engine and in default groups.
        Value<String> value = ClusterParameters.read(cluster, context, parameter, "false");
        String group = ClusterParameters.groupName(cluster);
        if (value.isUnknown()) {
            return new TlsSetting(parameter, group, value, State.UNKNOWN, false);
        }
        if (!ClusterParameters.isTrue(value)) {
            return new TlsSetting(parameter, group, value, State.OFF, ClusterParameters.onDefaultGroup(cluster));
        }
        if (ClusterParameters.pendingReboot(cluster, parameter)) {
            return new TlsSetting(parameter, group, value, State.PENDING_REBOOT, false);
        }
        return new TlsSetting(parameter, group, value, State.ON, false);
    }

    static Outcome judge(Cluster cluster, CheckContext context, String parameter) {
        return read(cluster, context, parameter).alone();
    }
}
