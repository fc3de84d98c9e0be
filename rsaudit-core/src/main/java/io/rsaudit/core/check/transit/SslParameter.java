package io.rsaudit.core.check.transit;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.ClusterParameters;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.check.transit.TlsSetting.State;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Value;

/** Reads one boolean TLS parameter of a cluster's group; shared by the require_ssl and FIPS checks. */
final class SslParameter {

    /**
     * The default group of clusters created or restored since January 2025. It sets require_ssl=true; the older
     * default.redshift-1.0 and the engine leave require_ssl and use_fips_ssl false.
     */
    private static final String SECURE_DEFAULT_GROUP = "default.redshift-2.0";

    private SslParameter() {}

    static TlsSetting read(Cluster cluster, CheckContext context, String parameter) {
        Value<String> value =
                ClusterParameters.read(cluster, context, parameter, documentedDefault(cluster, parameter));
        String subject = "cluster " + cluster.identifier();
        String group = ClusterParameters.groupName(cluster);
        if (value.isUnknown()) {
            return new TlsSetting(parameter, subject, group, value, State.UNKNOWN, false);
        }
        if (!ClusterParameters.isTrue(value)) {
            return new TlsSetting(
                    parameter, subject, group, value, State.OFF, ClusterParameters.onDefaultGroup(cluster));
        }
        if (ClusterParameters.pendingReboot(cluster, parameter)) {
            return new TlsSetting(parameter, subject, group, value, State.PENDING_REBOOT, false);
        }
        return new TlsSetting(parameter, subject, group, value, State.ON, false);
    }

    static Outcome judge(Cluster cluster, CheckContext context, String parameter) {
        return read(cluster, context, parameter).alone();
    }

    private static String documentedDefault(Cluster cluster, String parameter) {
        boolean secureDefaults = cluster.parameterGroup().isPresent()
                && SECURE_DEFAULT_GROUP.equals(cluster.parameterGroup().value().name());
        return secureDefaults && parameter.equals("require_ssl") ? "true" : "false";
    }
}
