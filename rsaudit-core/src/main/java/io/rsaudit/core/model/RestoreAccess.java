package io.rsaudit.core.model;

/** An account allowed to restore a snapshot. AWS Support appears as {@value #AWS_SUPPORT}. */
public record RestoreAccess(String accountId, String accountAlias, Provenance provenance) {

    public static final String AWS_SUPPORT = "amazon-redshift-support";

    public boolean isAwsSupport() {
        return AWS_SUPPORT.equals(accountId) || AWS_SUPPORT.equals(accountAlias);
    }

    /** The account id, or the alias when AWS reports no id. */
    public String display() {
        return accountId != null ? accountId : accountAlias;
    }
}
