package io.rsaudit.core.model;

import java.util.Map;

/**
 * The parameter group a cluster uses, with the apply status of each parameter as the cluster reports it
 * (e.g. {@code in-sync}, {@code pending-reboot}).
 */
public record ParameterGroupRef(String name, String applyStatus, Map<String, String> parameterApplyStatus) {

    public ParameterGroupRef {
        parameterApplyStatus = Map.copyOf(parameterApplyStatus);
    }

    /** Default groups ({@code default.redshift-1.0}) are read-only: their parameters cannot be changed. */
    public boolean isDefault() {
        return name.startsWith("default.");
    }
}
