package io.rsaudit.aws.hunt;

import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.read.LogFileName;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an {@code s3://bucket/prefix} with ListObjectsV2, page by page, and keeps the objects whose keys are
 * Redshift audit logs or CloudTrail log files and that {@link Narrowing} does not leave out. With a time window
 * ({@code --since}, {@code --until}) the prefix is listed a folder at a time ({@code /} as delimiter), and only the
 * folders that may hold a kept log are listed further ({@link S3LogFolders}): a day's hunt over a bucket of years lists
 * the window's days, not every key. Nothing is downloaded here.
 */
final class S3Listing {

    /** How many keys of neither naming the problem quotes. */
    static final int EXAMPLES = 3;

    private S3Listing() {}

    static void list(
            CallerClients clients, String bucket, String prefix, Narrowing narrowing, AwsLogInputs.Found found) {
        String where = "s3://" + bucket + "/" + prefix;
        boolean byFolder = narrowing.hasWindow();
        Unrecognised unrecognised = new Unrecognised();
        int first = found.inputs.size();
        Deque<String> folders = new ArrayDeque<>(List.of(prefix));
        try {
            while (!folders.isEmpty()) {
                String folder = folders.pop();
                List<String> below = new ArrayList<>();
                for (ListObjectsV2Response page : clients.s3()
                        .listObjectsV2Paginator(
                                r -> r.bucket(bucket).prefix(folder).delimiter(byFolder ? "/" : null))) {
                    for (S3Object o : page.contents()) {
                        judge(clients, bucket, o, narrowing, found, unrecognised);
                    }
                    for (CommonPrefix c : page.commonPrefixes()) {
                        if (S3LogFolders.mayHoldKept(c.prefix(), narrowing)) {
                            below.add(c.prefix());
                        }
                    }
                }
                // depth first, in key order
                for (int i = below.size() - 1; i >= 0; i--) {
                    folders.push(below.get(i));
                }
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
        // a folder's own objects came before its folders' objects: back to key order, as a whole listing gives
        found.inputs.subList(first, found.inputs.size()).sort(Comparator.comparing(LogInput::name));
        if (unrecognised.count > 0) {
            found.problem(
                    where,
                    ReadProblem.Kind.UNKNOWN_TYPE,
                    unrecognised.count + " object(s) under " + where
                            + " follow neither Redshift's audit-log naming nor CloudTrail's and were not read, e.g. "
                            + String.join(", ", unrecognised.examples));
        }
    }

    /** Keys of neither naming: how many, and the first few. */
    private static final class Unrecognised {
        long count;
        final List<String> examples = new ArrayList<>();
    }

    private static void judge(
            CallerClients clients,
            String bucket,
            S3Object o,
            Narrowing narrowing,
            AwsLogInputs.Found found,
            Unrecognised unrecognised) {
        found.found++;
        String noRecords = LogFileName.holdsNoRecords(o.key());
        if (noRecords != null) {
            found.leftOut(noRecords);
            return;
        }
        Optional<S3LogKey> log = S3LogKey.parse(o.key());
        if (log.isEmpty()) {
            unrecognised.count++;
            if (unrecognised.examples.size() < EXAMPLES) {
                unrecognised.examples.add(o.key());
            }
            found.leftOut("unknown-type");
            return;
        }
        S3LogKey k = log.get();
        String reason = narrowing.reason(k.account(), k.region(), k.cluster(), k.time());
        if (reason != null) {
            found.leftOut(reason);
            return;
        }
        found.inputs.add(new S3ObjectInput(clients, bucket, o.key(), o.size() == null ? 0 : o.size(), k));
    }
}
