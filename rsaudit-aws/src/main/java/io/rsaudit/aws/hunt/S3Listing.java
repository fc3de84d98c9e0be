package io.rsaudit.aws.hunt;

import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogFileName;
import io.rsaudit.core.hunt.read.LogFolders;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an {@code s3://bucket/prefix} with ListObjectsV2, page by page, and keeps the objects whose keys are
 * Redshift audit logs or CloudTrail log files and that {@link Narrowing} does not leave out. With a time window
 * ({@code --since}, {@code --until}) the prefix is listed a folder at a time ({@code /} as delimiter), several
 * folders at once, and only the folders that may hold a kept log are listed further ({@link LogFolders}): a day's
 * hunt over a bucket of years lists the window's days, not every key. Keys and folders below the prefix whose names
 * start with '.' are left out and counted as {@code hidden}, as a walk of local folders and the Spark job leave them
 * out ({@link LocalFiles}). Nothing is downloaded here.
 */
final class S3Listing {

    /** How many keys of neither naming the problem quotes. */
    static final int EXAMPLES = 3;

    /** Folders listed at once in a windowed listing (an organization's trail: thousands of account folders). */
    static final int LISTERS = 16;

    private final CallerClients clients;
    private final String bucket;
    private final Narrowing narrowing;
    /** The argument's prefix: names below it are judged. */
    private final String prefix;
    /** What the argument gives; also the lock of what follows and of the listers' additions to it. */
    private final AwsLogInputs.Found found;
    /** Keys of neither naming: how many, and the first few. */
    private long unrecognised;

    private final List<String> examples = new ArrayList<>();

    private S3Listing(
            CallerClients clients, String bucket, String prefix, Narrowing narrowing, AwsLogInputs.Found found) {
        this.clients = clients;
        this.bucket = bucket;
        this.prefix = prefix;
        this.narrowing = narrowing;
        this.found = found;
    }

    static void list(
            CallerClients clients, String bucket, String prefix, Narrowing narrowing, AwsLogInputs.Found found) {
        new S3Listing(clients, bucket, prefix, narrowing, found).list();
    }

    private void list() {
        String where = "s3://" + bucket + "/" + prefix;
        int first = found.inputs.size();
        try {
            if (!narrowing.hasWindow()) {
                listed(prefix, null);
            } else {
                byFolder();
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
        // folders are listed side by side: back to key order, as a whole listing gives
        found.inputs.subList(first, found.inputs.size()).sort(Comparator.comparing(LogInput::name));
        if (unrecognised > 0) {
            found.problem(
                    where,
                    ReadProblem.Kind.UNKNOWN_TYPE,
                    unrecognised + " object(s) under " + where
                            + " follow neither Redshift's audit-log naming nor CloudTrail's and were not read, e.g. "
                            + String.join(", ", examples));
        }
    }

    /** A level of folders at a time, {@link #LISTERS} folders at once; each level the folders the one above kept. */
    private void byFolder() {
        ExecutorService listers = Executors.newFixedThreadPool(LISTERS, r -> {
            Thread t = new Thread(r, "rsaudit-s3-list");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> level = List.of(prefix);
            while (!level.isEmpty()) {
                List<Future<List<String>>> below = new ArrayList<>();
                for (String folder : level) {
                    below.add(listers.submit(() -> listed(folder, "/")));
                }
                // every folder of the level is waited for, failed or not, so that none is still adding when this
                // returns
                List<String> next = new ArrayList<>();
                Throwable failed = null;
                for (Future<List<String>> f : below) {
                    try {
                        next.addAll(f.get());
                    } catch (ExecutionException e) {
                        failed = failed == null ? e.getCause() : failed;
                    }
                }
                if (failed instanceof SdkException sdk) {
                    throw sdk;
                }
                if (failed != null) {
                    throw new IllegalStateException("listing s3://" + bucket + "/" + prefix + " failed", failed);
                }
                level = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkException.create("interrupted while listing s3://" + bucket + "/" + prefix, e);
        } finally {
            listers.shutdownNow();
        }
    }

    /**
     * Every page of {@code folder} ({@code delimiter}: {@code null} for every key below it), each object judged; the
     * folders below it that may hold a kept log.
     */
    private List<String> listed(String folder, String delimiter) {
        List<String> below = new ArrayList<>();
        for (ListObjectsV2Response page : clients.s3()
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(folder).delimiter(delimiter))) {
            synchronized (found) {
                for (S3Object o : page.contents()) {
                    judge(o);
                }
            }
            for (CommonPrefix c : page.commonPrefixes()) {
                String reason =
                        hidden(c.prefix()) ? LocalFiles.HIDDEN : LogFolders.leftOutBecause(c.prefix(), narrowing);
                if (reason == null) {
                    below.add(c.prefix());
                } else {
                    synchronized (found) {
                        found.foldersLeftOut.merge(reason, 1L, Long::sum);
                    }
                }
            }
        }
        return below;
    }

    /** An object listed: an input, or left out and counted. Under {@link #found}'s lock. */
    private void judge(S3Object o) {
        found.found++;
        if (hidden(o.key())) {
            found.leftOut(LocalFiles.HIDDEN);
            return;
        }
        String noRecords = LogFileName.holdsNoRecords(o.key());
        if (noRecords != null) {
            found.leftOut(noRecords);
            return;
        }
        long size = o.size() == null ? 0 : o.size();
        Optional<S3LogKey> log = S3LogKey.parse(o.key());
        if (log.isEmpty() && narrowing.typeGiven()) {
            // --type reads objects named otherwise, as it reads such files (Firehose's objects of CloudWatch
            // envelopes among them: their groups tell the type); the reader applies the filters to their records
            found.inputs.add(new S3ObjectInput(clients, bucket, o.key(), size, null));
            return;
        }
        if (log.isEmpty()) {
            unrecognised++;
            if (examples.size() < EXAMPLES) {
                examples.add(o.key());
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
        found.inputs.add(new S3ObjectInput(clients, bucket, o.key(), size, k));
    }

    /** Whether a name in {@code key} below the argument's prefix starts with '.'. */
    private boolean hidden(String key) {
        String below = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
        return below.startsWith(".") || below.contains("/.");
    }
}
