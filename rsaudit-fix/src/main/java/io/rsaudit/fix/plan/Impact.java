package io.rsaudit.fix.plan;

/** What a remedy does to the running resource. */
public enum Impact {
    /** No interruption: a setting AWS applies online. */
    NONE("no interruption"),
    /** A static parameter: it is stored now and takes effect at the cluster's next reboot. */
    PENDING_REBOOT("takes effect after the next reboot of the cluster (pending-reboot until then)"),
    /** The cluster reboots: connections drop and queries fail for a few minutes. */
    REBOOT("the cluster reboots: connections drop and running queries fail for a few minutes"),
    /** The resource is modified online; open connections may drop briefly. */
    BRIEF_DROP("the resource is modified online; open connections may drop briefly"),
    /** The cluster's encryption keys rotate: it is unavailable meanwhile. */
    KEY_ROTATION("the cluster is unavailable for a few minutes while its encryption keys rotate"),
    /** The encryption of a cluster is migrated: hours for a large cluster, read-only meanwhile. */
    MIGRATION("encryption migration: hours for a large cluster, which is read-only meanwhile");

    private final String text;

    Impact(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
