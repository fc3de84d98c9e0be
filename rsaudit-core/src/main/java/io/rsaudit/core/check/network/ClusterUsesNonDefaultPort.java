package io.rsaudit.core.check.network;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;

@CheckInfo(
        id = "RS-NET-004",
        title = "Cluster does not listen on the default port 5439",
        severity = Severity.LOW,
        area = Area.NETWORK)
public final class ClusterUsesNonDefaultPort implements Check<Cluster> {

    private static final int DEFAULT_PORT = 5439;

    @Override
    public Outcome evaluate(Cluster cluster, CheckContext context) {
        Value<Integer> port = cluster.port();
        String name = "cluster " + cluster.identifier();
        if (!port.isPresent()) {
            return Outcome.unknown(
                    "cannot tell which port " + name + " listens on", port.orUnknown("the cluster reports no port"));
        }
        if (port.value() == DEFAULT_PORT) {
            return Outcome.fail(
                    name + " listens on the default port " + DEFAULT_PORT + ", the first port that"
                            + " scanners and password-spraying tools try for Redshift",
                    port);
        }
        return Outcome.pass(name + " listens on port " + port.value() + ", not the default " + DEFAULT_PORT, port);
    }
}
