package io.rsaudit.testkit.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The logs the simulator serves besides the export, for hunt's inputs: a folder holding {@code s3/<bucket>/<key>}
 * (S3 objects, served over S3's REST-XML protocol by {@link SimS3}) and
 * {@code cloudwatch/<region>/<group>/<stream>.jsonl} (CloudWatch Logs streams, one JSON object
 * {@code {"timestamp": epochMillis, "message": "..."}} per line, served over JSON 1.1 by {@link SimCloudWatchLogs}),
 * with the faults that are per object or group: denied buckets, objects and groups, and objects or groups whose every
 * request is throttled. Every request it answers is logged with its target (bucket/key or group), so a test can tell
 * which objects were downloaded.
 */
public final class SimLogData {

    /**
     * One request answered from the log data.
     *
     * @param operation {@code ListObjectsV2}, {@code GetObject}, {@code DescribeLogStreams}, {@code FilterLogEvents}
     * @param target {@code bucket/key} ({@code bucket/prefix} for a listing) or the log group
     * @param outcome {@link SimRequest#OK} or the error code answered
     */
    public record Request(String operation, String target, String outcome) {}

    private final Path root;
    private final Set<String> denied;
    private final Set<String> throttled;
    private final ConcurrentLinkedQueue<Request> log = new ConcurrentLinkedQueue<>();
    private final SimS3 s3 = new SimS3(this);
    private final SimCloudWatchLogs logs = new SimCloudWatchLogs(this);

    private SimLogData(Path root, Set<String> denied, Set<String> throttled) {
        this.root = root;
        this.denied = Set.copyOf(denied);
        this.throttled = Set.copyOf(throttled);
    }

    /** The data under {@code root}, without faults. */
    public static SimLogData at(Path root) {
        return new SimLogData(root, Set.of(), Set.of());
    }

    /** Every {@code s3:ListBucket} of the bucket and {@code s3:GetObject} of its objects is denied. */
    public SimLogData denyBucket(String bucket) {
        return with(denied, "s3://" + bucket, true);
    }

    /** {@code s3:GetObject} of this object is denied. */
    public SimLogData denyObject(String bucket, String key) {
        return with(denied, "s3://" + bucket + "/" + key, true);
    }

    /** Every call on the log group is denied. */
    public SimLogData denyGroup(String group) {
        return with(denied, "logs:" + group, true);
    }

    /** Every GetObject of this object is throttled (S3's {@code SlowDown}), retries included. */
    public SimLogData throttleObject(String bucket, String key) {
        return with(throttled, "s3://" + bucket + "/" + key, false);
    }

    private SimLogData with(Set<String> set, String target, boolean deny) {
        Set<String> more = new LinkedHashSet<>(set);
        more.add(target);
        return deny ? new SimLogData(root, more, throttled) : new SimLogData(root, denied, more);
    }

    /** Every request answered so far, in order. */
    public List<Request> requests() {
        return List.copyOf(log);
    }

    Path s3Root() {
        return root.resolve("s3");
    }

    Path cloudWatchRoot() {
        return root.resolve("cloudwatch");
    }

    boolean denied(String target) {
        return denied.contains(target);
    }

    boolean throttled(String target) {
        return throttled.contains(target);
    }

    void logged(String operation, String target, String outcome) {
        log.add(new Request(operation, target, outcome));
    }

    /** Whether requests signed for this service are answered here. */
    static boolean serves(String signingName) {
        return signingName.equals("s3") || signingName.equals("logs");
    }

    /**
     * Answers the request, telling {@code served} (the simulator's own log) what was answered before the client can
     * have read the answer.
     */
    void handle(
            HttpExchange exchange,
            String signingName,
            String account,
            String region,
            byte[] body,
            SimOptions options,
            Consumer<SimRequest> served)
            throws IOException {
        if (signingName.equals("s3")) {
            s3.handle(exchange, account, region, options, served);
        } else {
            logs.handle(exchange, account, region, body, options, served);
        }
    }
}
