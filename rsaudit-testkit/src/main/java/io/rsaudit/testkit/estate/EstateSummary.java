package io.rsaudit.testkit.estate;

import java.util.Map;

/**
 * What a generation wrote: the resources by kind (what a load of the estate must find) and the files and bytes
 * by call.
 *
 * @param scopes account-region pairs
 * @param snapshots cluster snapshots of every kind; the following counts break them down
 * @param orphaned manual snapshots whose cluster no longer exists
 * @param copies snapshots copied in from another region
 * @param sharedIn snapshots another account owns and shares with this one
 * @param sharedOut owned manual snapshots shared with other accounts or AWS Support
 * @param keys distinct KMS keys the resources refer to (and whose files were written)
 * @param files files by call ({@code aws redshift describe-clusters} to the count), in layout order
 * @param bytes bytes by call
 */
public record EstateSummary(
        EstateSpec spec,
        int accounts,
        int scopes,
        int clusters,
        int snapshots,
        int automated,
        int orphaned,
        int copies,
        int sharedIn,
        int sharedOut,
        int copyGrants,
        int keys,
        int namespaces,
        int workgroups,
        int serverlessSnapshots,
        int securityGroups,
        int parameterGroups,
        int trails,
        Map<String, Long> files,
        Map<String, Long> bytes) {

    public long totalFiles() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalBytes() {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }
}
