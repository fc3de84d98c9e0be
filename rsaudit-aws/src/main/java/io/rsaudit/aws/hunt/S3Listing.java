package io.rsaudit.aws.hunt;

import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.read.LogFileName;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an {@code s3://bucket/prefix} with ListObjectsV2, page by page, and keeps the objects whose keys are
 * Redshift audit logs or CloudTrail log files and that {@link Narrowing} does not leave out. Nothing is downloaded
 * here.
 */
final class S3Listing {

    /** How many keys of neither naming the problem quotes. */
    static final int EXAMPLES = 3;

    private S3Listing() {}

    static void list(
            CallerClients clients, String bucket, String prefix, Narrowing narrowing, AwsLogInputs.Found found) {
        String where = "s3://" + bucket + "/" + prefix;
        long unrecognised = 0;
        List<String> examples = new ArrayList<>();
        try {
            for (S3Object o : clients.s3()
                    .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                    .contents()) {
                found.found++;
                if (LogFileName.isCloudTrailDigest(o.key())) {
                    found.leftOut(ReadSummary.CLOUDTRAIL_DIGEST);
                    continue;
                }
                Optional<S3LogKey> log = S3LogKey.parse(o.key());
                if (log.isEmpty()) {
                    unrecognised++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(o.key());
                    }
                    found.leftOut("unknown-type");
                    continue;
                }
                S3LogKey k = log.get();
                String reason = narrowing.reason(k.account(), k.region(), k.cluster(), k.time());
                if (reason != null) {
                    found.leftOut(reason);
                    continue;
                }
                found.inputs.add(new S3ObjectInput(clients, bucket, o.key(), o.size() == null ? 0 : o.size(), k));
            }
        } catch (SdkException e) {
            found.problem(
                    where,
                    ReadProblem.Kind.UNREADABLE,
                    "cannot list " + where + ": s3:ListBucket failed: "
                            + clients.explain(e)
                            + (found.found == 0
                                    ? ""
                                    : "; the " + found.found + " object(s) listed before the failure are kept"));
        }
        if (unrecognised > 0) {
            found.problem(
                    where,
                    ReadProblem.Kind.UNKNOWN_TYPE,
                    unrecognised + " object(s) under " + where
                            + " follow neither Redshift's audit-log naming nor CloudTrail's and were not read, e.g. "
                            + String.join(", ", examples));
        }
    }
}
