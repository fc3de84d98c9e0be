package io.rsaudit.core.hunt;

import java.util.List;
import java.util.Set;

/** The four record formats hunt reads; the names are the ones Redshift puts in its log file names. */
public enum LogType {
    CONNECTION_LOG(
            "connectionlog",
            List.of(
                    "event",
                    "recordtime",
                    "remotehost",
                    "remoteport",
                    "pid",
                    "dbname",
                    "username",
                    "authmethod",
                    "duration",
                    "sslversion",
                    "sslcipher",
                    "mtu",
                    "sslcompression",
                    "sslexpansion",
                    "iamauthguid",
                    "application_name",
                    "os_version",
                    "driver_version",
                    "plugin_name",
                    "protocol_version",
                    "sessionid",
                    "compression")),
    USER_LOG(
            "userlog",
            List.of(
                    "userid",
                    "username",
                    "oldusername",
                    "action",
                    "usecreatedb",
                    "usesuper",
                    "usecatupd",
                    "valuntil",
                    "pid",
                    "xid",
                    "recordtime")),
    USER_ACTIVITY_LOG("useractivitylog", List.of("db", "user", "pid", "userid", "xid")),
    /** Raw fields are the record's dotted paths: a field is known when its first segment is a record key. */
    CLOUDTRAIL(
            "cloudtrail",
            List.of(
                    "eventVersion",
                    "userIdentity",
                    "eventTime",
                    "eventSource",
                    "eventName",
                    "awsRegion",
                    "sourceIPAddress",
                    "userAgent",
                    "errorCode",
                    "errorMessage",
                    "requestParameters",
                    "responseElements",
                    "additionalEventData",
                    "requestID",
                    "eventID",
                    "readOnly",
                    "resources",
                    "eventType",
                    "apiVersion",
                    "managementEvent",
                    "recipientAccountId",
                    "serviceEventDetails",
                    "sharedEventID",
                    "vpcEndpointId",
                    "vpcEndpointAccountId",
                    "eventCategory",
                    "addendum",
                    "sessionCredentialFromConsole",
                    "edgeDeviceDetails",
                    "tlsDetails",
                    "insightDetails"));

    /** The fields every event has, by the record component names of {@link Event} (see {@link Event#field}). */
    public static final List<String> COMMON_FIELDS = List.of(
            "type",
            "time",
            "account",
            "region",
            "cluster",
            "database",
            "user",
            "sourceAddress",
            "action",
            "sql",
            "outcome",
            "tlsVersion",
            "redactions");

    /**
     * The fields {@code hunt --inventory} adds to a CloudTrail event that names a security group or a KMS key: whether
     * a Redshift cluster, workgroup or namespace uses it, which, and whether an ingress reaches their port ({@code
     * io.rsaudit.core.hunt.inventory.ResourceUse}).
     */
    public static final List<String> INVENTORY_FIELDS =
            List.of("inventory.attachment", "inventory.attachedTo", "inventory.portReached");

    private final String fileName;
    private final List<String> rawFields;
    private final Set<String> rawSet;

    LogType(String fileName, List<String> rawFields) {
        this.fileName = fileName;
        this.rawFields = rawFields;
        this.rawSet = Set.copyOf(rawFields);
    }

    /**
     * The raw fields of this format by the names its parser gives them (for CloudTrail, the record's top-level
     * keys, under which every dotted path lies); the common fields are in {@link #COMMON_FIELDS}.
     */
    public List<String> rawFields() {
        return rawFields;
    }

    /**
     * Whether an event of this type can carry the field: a common field, one of its raw fields, or for CloudTrail a
     * dotted path under one of the record's keys ({@code requestParameters.clusterIdentifier}) or one of the
     * {@link #INVENTORY_FIELDS}.
     */
    public boolean knows(String field) {
        if (COMMON_FIELDS.contains(field) || rawSet.contains(field)) {
            return true;
        }
        if (this != CLOUDTRAIL) {
            return false;
        }
        if (INVENTORY_FIELDS.contains(field)) {
            return true;
        }
        int dot = field.indexOf('.');
        return dot > 0 && rawSet.contains(field.substring(0, dot));
    }

    /** The name used in Redshift's S3 object names and CloudWatch group names, and by {@code --type}. */
    public String fileName() {
        return fileName;
    }

    /** The type for {@code connectionlog}, {@code userlog}, {@code useractivitylog} or {@code cloudtrail}. */
    public static LogType fromFileName(String name) {
        for (LogType t : values()) {
            if (t.fileName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown log type '" + name + "': expected connectionlog, userlog, useractivitylog or cloudtrail");
    }
}
