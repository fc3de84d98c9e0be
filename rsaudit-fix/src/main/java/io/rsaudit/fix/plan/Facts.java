package io.rsaudit.fix.plan;

import io.rsaudit.core.model.Scope;
import java.util.Optional;

/**
 * What a plan needs that the inventory does not keep: the family of a cluster parameter group ({@code
 * redshift-1.0}, for a copy of the group), the S3 key prefix of a cluster's audit logging (so that turning on more
 * logs does not move them), a cluster's maintenance window (when a pending change may take effect) and a Serverless
 * snapshot's resource policy (which accounts may restore it, rewritten without the untrusted ones). Empty when it
 * cannot be read; the remedy that needs it is then refused, and a pending change says its time is not known.
 */
public interface Facts {

    /** The family of a custom group; a default group's family is in its name and is not asked for. */
    Optional<String> parameterGroupFamily(Scope scope, String groupName);

    /** The S3 key prefix of the cluster's audit logging; {@code ""} for none. */
    Optional<String> s3KeyPrefix(Scope scope, String clusterIdentifier);

    /** The cluster's {@code PreferredMaintenanceWindow} ({@code sun:02:00-sun:02:30}, UTC). */
    Optional<String> maintenanceWindow(Scope scope, String clusterIdentifier);

    /**
     * The resource policy of a Redshift Serverless snapshot ({@code GetResourcePolicy} by its ARN); empty when it
     * cannot be read or the snapshot has none.
     */
    Optional<String> snapshotPolicy(Scope scope, String snapshotArn);

    /** Knows nothing: remedies that need a fact are refused. */
    static Facts none() {
        return new Facts() {
            @Override
            public Optional<String> parameterGroupFamily(Scope scope, String groupName) {
                return Optional.empty();
            }

            @Override
            public Optional<String> s3KeyPrefix(Scope scope, String clusterIdentifier) {
                return Optional.empty();
            }

            @Override
            public Optional<String> maintenanceWindow(Scope scope, String clusterIdentifier) {
                return Optional.empty();
            }

            @Override
            public Optional<String> snapshotPolicy(Scope scope, String snapshotArn) {
                return Optional.empty();
            }
        };
    }
}
