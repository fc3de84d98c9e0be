package io.rsaudit.core.check;

import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.ParameterGroupRef;
import io.rsaudit.core.model.ParameterSet;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Value;

/**
 * Reads one parameter of a cluster's parameter group the way every check should: the collected value when there
 * is one; for a default group whose parameters were not collected, the documented default (default groups cannot
 * be modified); unknown when a custom group's parameters were not read.
 */
public final class ClusterParameters {

    private ClusterParameters() {}

    /**
     * The parameter's value as text. Defaulted to {@code documentedDefault} for a default group that was not read,
     * or for a group that does not list the parameter.
     *
     * @param documentedDefault the value AWS documents for the cluster's group; it may depend on the group
     *     ({@code require_ssl} is true in {@code default.redshift-2.0}, false in {@code default.redshift-1.0})
     */
    public static Value<String> read(
            Cluster cluster, CheckContext context, String parameter, String documentedDefault) {
        Value<ParameterGroupRef> ref = cluster.parameterGroup();
        if (!ref.isPresent()) {
            return ref.isUnknown()
                    ? ref.map(x -> null)
                    : Value.unknown(ref.provenance(), Reason.Kind.ABSENT, "the cluster reports no parameter group");
        }
        ParameterGroupRef group = ref.value();
        Value<ParameterSet> params = context.inventory().parameters(cluster.id().scope(), group.name());
        Value<String> listed = params.isPresent() ? params.value().get(parameter) : null;
        if (listed != null) {
            return listed.value() != null || listed.isUnknown()
                    ? listed
                    : Value.defaulted(
                            documentedDefault,
                            listed.provenance(),
                            parameter + " is listed in " + group.name() + " without a value; the engine"
                                    + " default is " + documentedDefault);
        }
        if (group.isDefault()) {
            return Value.defaulted(
                    documentedDefault,
                    ref.provenance(),
                    "the parameters of default group " + group.name() + " were not read; it has " + parameter + "="
                            + documentedDefault + " and cannot be modified");
        }
        if (params.isPresent()) {
            return Value.defaulted(
                    documentedDefault,
                    params.provenance(),
                    parameter + " is not listed in parameter group " + group.name() + "; the engine default is "
                            + documentedDefault);
        }
        return params.map(x -> null);
    }

    /** True when the value reads as boolean true ({@code true}, any case, surrounding blanks ignored). */
    public static boolean isTrue(Value<String> value) {
        return value.isPresent() && "true".equalsIgnoreCase(value.value().trim());
    }

    /** True when the cluster reports that a changed parameter waits for a reboot to apply. */
    public static boolean pendingReboot(Cluster cluster, String parameter) {
        return cluster.parameterGroup().isPresent()
                && "pending-reboot"
                        .equals(cluster.parameterGroup()
                                .value()
                                .parameterApplyStatus()
                                .get(parameter));
    }

    /** The group's name for messages, or "its parameter group" when unknown. */
    public static String groupName(Cluster cluster) {
        return cluster.parameterGroup().isPresent()
                ? "parameter group " + cluster.parameterGroup().value().name()
                : "its parameter group";
    }

    /**
     * What to do about parameters that are wrong on a default group, which cannot be modified; the same words in
     * every check that reads a parameter.
     *
     * @param parameters how many parameters the advice is about (1: "it", more: "them")
     */
    public static String defaultGroupAdvice(int parameters) {
        return "it is a default group, which cannot be modified: attach a custom group that sets "
                + (parameters == 1 ? "it" : "them");
    }

    /** Whether the cluster is on a read-only default group. */
    public static boolean onDefaultGroup(Cluster cluster) {
        return cluster.parameterGroup().isPresent()
                && cluster.parameterGroup().value().isDefault();
    }
}
