package io.rsaudit.core.hunt;

/** The four record formats hunt reads; the names are the ones Redshift puts in its log file names. */
public enum LogType {
    CONNECTION_LOG("connectionlog"),
    USER_LOG("userlog"),
    USER_ACTIVITY_LOG("useractivitylog"),
    CLOUDTRAIL("cloudtrail");

    private final String fileName;

    LogType(String fileName) {
        this.fileName = fileName;
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
