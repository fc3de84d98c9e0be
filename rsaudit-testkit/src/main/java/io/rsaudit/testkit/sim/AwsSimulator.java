package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rsaudit.testkit.sim.Answers.Call;
import io.rsaudit.testkit.sim.Answers.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local AWS endpoint serving an export folder: start it, point SDK clients at {@link #endpoint()} with static
 * credentials {@code SIM<account>} (any secret) and the region to call, and read {@link #requests()} afterwards.
 * It binds 127.0.0.1 only. Which service and region a request is for comes from its SigV4 credential scope, the
 * account from the access key id; the signature itself is not checked.
 */
public final class AwsSimulator implements AutoCloseable {

    private static final Pattern SCOPE = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern SIM_KEY = Pattern.compile("SIM(\\d{12})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Connections the server keeps open while idle: a client with this many pooled keeps all of them usable. */
    static final int IDLE_CONNECTIONS = 1024;

    static {
        // The server reads these properties once, when the JVM's first HttpServer is made, so they are set before;
        // an explicit setting (-D) is left as it is.
        // The JDK server writes a response's headers and its body in two segments; with Nagle's algorithm on, the
        // body waits for the client's ACK of the headers, which the client delays (40 ms on Linux): 40 ms added to
        // every call, the same whatever latency was asked for.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // By default it closes idle connections beyond 200, which a client pooling more (a collection at concurrency
        // 256) meets as "the target server failed to respond" on a connection it took for open; AWS does not.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", Integer.toString(IDLE_CONNECTIONS));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final SimOptions options;
    private final Answers answers;
    private final Faults faults;
    private final ConcurrentLinkedQueue<SimRequest> log = new ConcurrentLinkedQueue<>();
    private final LongAdder cpuNanos = new LongAdder();
    /**
     * The bytes of each answer the export holds, by request, made on first asking: AWS's own work is not on the
     * caller's machine, so a benchmark that asks again (a second collection) finds the simulator's share of the CPU
     * down to HTTP alone. A body made again later would differ only in its request id.
     */
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    private final SimLogData logData;

    /** Errors to answer the next calls of an IAM action with ({@link #failNext}), before any other fault. */
    private final Map<String, java.util.Deque<AwsError>> injected = new ConcurrentHashMap<>();

    private AwsSimulator(ExportEstate estate, SimOptions options, SimLogData logData) throws IOException {
        this.options = options;
        this.logData = logData;
        this.answers = new Answers(estate, options);
        this.faults = new Faults(options);
        AtomicInteger threads = new AtomicInteger();
        // one thread per open request: the added latency is a sleep, and a scan keeps hundreds of calls in flight
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), IDLE_CONNECTIONS);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code exportDir} (a folder of 12-digit account folders, as the offline scan reads). */
    public static AwsSimulator start(Path exportDir, SimOptions options) throws IOException {
        return new AwsSimulator(new ExportEstate(exportDir), options, null);
    }

    /** Serves {@code exportDir} and, for S3 and CloudWatch Logs requests, {@code logData}. */
    public static AwsSimulator start(Path exportDir, SimOptions options, SimLogData logData) throws IOException {
        return new AwsSimulator(new ExportEstate(exportDir), options, logData);
    }

    /**
     * Answers the next {@code times} calls of {@code iamAction} ({@code redshift:EnableLogging}) with the error
     * {@code code} (HTTP {@code status}), as a throttle, a 5xx or an AccessDenied that outlasts the client's
     * retries would.
     */
    public void failNext(String iamAction, String code, int status, int times) {
        java.util.Deque<AwsError> queue =
                injected.computeIfAbsent(iamAction, k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new AwsError(code, "simulator: injected " + code + " for " + iamAction, status));
        }
    }

    /**
     * From now on a cluster that {@code ModifyCluster}, {@code RebootCluster} or {@code RotateEncryptionKey} changes
     * is busy ({@code modifying}, {@code rebooting}, {@code rotating-keys}) for the next {@code reads}
     * DescribeClusters answers of its region, and refuses those calls meanwhile with {@code InvalidClusterState};
     * then it is {@code available}. 0, the default: available at once.
     */
    public void busyAfterWrites(int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("reads must not be negative: " + reads);
        }
        answers.busyReads(reads);
    }

    /** Drops the errors {@link #failNext} queued and not yet answered. */
    public void clearInjectedFaults() {
        injected.clear();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request answered so far, in the order the answers were sent. */
    public List<SimRequest> requests() {
        return List.copyOf(log);
    }

    /**
     * The CPU time its request handlers have used so far (the added latency is a sleep and uses none), so that a
     * benchmark can tell the simulator's share of a machine from the collector's; zero where the JVM cannot measure
     * thread CPU time.
     */
    public Duration cpuTime() {
        return Duration.ofNanos(cpuNanos.sum());
    }

    public SimOptions options() {
        return options;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- one request ----

    private void handle(HttpExchange exchange) throws IOException {
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
        try {
            answer(exchange);
        } finally {
            if (cpu >= 0) {
                cpuNanos.add(CPU.getCurrentThreadCpuTime() - cpu);
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (SimSso.serves(exchange)) {
                SimSso.handle(exchange, options, log::add);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher scope = auth == null ? null : SCOPE.matcher(auth);
            if (scope == null || !scope.find()) {
                send(
                        exchange,
                        SimService.STS,
                        new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
                        UUID.randomUUID().toString());
                return;
            }
            String region = scope.group(2);
            SimService service = SimService.bySigningName(scope.group(3)).orElse(null);
            Matcher key = SIM_KEY.matcher(scope.group(1));
            String account = key.matches() ? key.group(1) : "";
            String requestId = UUID.randomUUID().toString();
            if (logData != null && SimLogData.serves(scope.group(3))) {
                logData.handle(exchange, scope.group(3), account, region, body, options, log::add);
                return;
            }
            if (service == null) {
                send(
                        exchange,
                        SimService.STS,
                        new AwsError("InvalidAction", "simulator: no service " + scope.group(3), 400),
                        requestId);
                log.add(new SimRequest(scope.group(3), "?", account, region, "InvalidAction"));
                return;
            }
            String action;
            Map<String, String> params;
            try {
                if (service.protocol() == Protocol.JSON) {
                    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                    String prefix = service.targetPrefix() + ".";
                    action = target != null && target.startsWith(prefix) ? target.substring(prefix.length()) : "?";
                    params = jsonParams(body);
                } else {
                    params = formParams(new String(body, StandardCharsets.UTF_8));
                    String query = exchange.getRequestURI().getRawQuery();
                    if (query != null) {
                        params.putAll(formParams(query));
                    }
                    action = params.remove("Action");
                    params.remove("Version");
                    action = action == null ? "?" : action;
                }
            } catch (IOException | IllegalArgumentException e) {
                sendAndLog(
                        exchange,
                        service,
                        "?",
                        account,
                        region,
                        service.unsupported("unreadable request: " + e.getMessage()),
                        requestId);
                return;
            }
            SimOperation op = SimOperation.of(service, action).orElse(null);
            delay(service);
            if (op == null) {
                sendAndLog(
                        exchange,
                        service,
                        action,
                        account,
                        region,
                        service.protocol() == Protocol.JSON
                                ? new AwsError(
                                        "UnknownOperationException", "simulator: " + action + " is not simulated", 400)
                                : new AwsError("InvalidAction", "simulator: " + action + " is not simulated", 400),
                        requestId);
                return;
            }
            if (account.isEmpty()) {
                sendAndLog(exchange, service, action, account, region, service.credentialsRejected(), requestId);
                return;
            }
            AwsError fault = fault(service, op, account, region, params);
            if (fault != null) {
                sendAndLog(exchange, service, action, account, region, fault, requestId);
                return;
            }
            boolean settling = op == SimOperation.DESCRIBE_CLUSTERS && answers.settle(account, region);
            String made = cacheable(op) && !settling ? op + "|" + account + "|" + region + "|" + params : null;
            byte[] bytes = made == null ? null : rendered.get(made);
            if (bytes == null) {
                JsonNode answer;
                try {
                    answer = answers.answer(new Call(
                            op,
                            account,
                            region,
                            Collections.unmodifiableMap(params),
                            exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
                    bytes = Wire.answer(op, answer, requestId);
                } catch (Refusal r) {
                    sendAndLog(exchange, service, action, account, region, r.error(), requestId);
                    return;
                } catch (ShapeWriter.BadExportValue | UncheckedIOException e) {
                    sendAndLog(
                            exchange,
                            service,
                            action,
                            account,
                            region,
                            new AwsError(
                                    "InternalFailure", "simulator: cannot serve the export: " + e.getMessage(), 500),
                            requestId);
                    return;
                }
                if (made != null) {
                    rendered.put(made, bytes);
                }
                if (op.writes() || settling) {
                    // a write changes what later reads answer
                    rendered.clear();
                }
            }
            log.add(new SimRequest(service.signingName(), action, account, region, SimRequest.OK));
            exchange.getResponseHeaders().set("Content-Type", Wire.contentType(service.protocol()));
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Answers that depend on the request and the export alone (not on the caller's session, nor on the clock). */
    private static boolean cacheable(SimOperation op) {
        return op != SimOperation.GET_CALLER_IDENTITY && op != SimOperation.ASSUME_ROLE && !op.writes();
    }

    /** The faults of the options that apply, in the order AWS would meet them: region, policy, then load. */
    private AwsError fault(
            SimService service, SimOperation op, String account, String region, Map<String, String> params) {
        boolean global = service == SimService.ORGANIZATIONS;
        if (!global && options.optedOutRegions().contains(region)) {
            return service.credentialsRejected();
        }
        String iamAction = service.signingName() + ":" + op.action();
        java.util.Deque<AwsError> queued = injected.get(iamAction);
        AwsError next = queued == null ? null : queued.poll();
        if (next != null) {
            return next;
        }
        if (!global
                && service != SimService.STS
                && options.deniedScopes().contains(new SimOptions.Scope(account, region))) {
            return service.accessDenied(account, iamAction, "with an explicit deny in a service control policy");
        }
        if (options.deniedActions().contains(iamAction)) {
            return service.accessDenied(account, iamAction, "with an explicit deny in an identity-based policy");
        }
        return faults.transientFault(
                service,
                service.signingName() + "|" + op.action() + "|" + account + "|" + region + "|" + new TreeMap<>(params));
    }

    private void delay(SimService service) {
        long millis = options.latencyMillis()
                + (service.signingName().equals(options.slowService()) ? options.slowMillis() : 0);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sendAndLog(
            HttpExchange exchange,
            SimService service,
            String action,
            String account,
            String region,
            AwsError error,
            String requestId)
            throws IOException {
        log.add(new SimRequest(service.signingName(), action, account, region, error.code()));
        send(exchange, service, error, requestId);
    }

    private static void send(HttpExchange exchange, SimService service, AwsError error, String requestId)
            throws IOException {
        byte[] bytes = Wire.error(service, error, requestId);
        exchange.getResponseHeaders().set("Content-Type", Wire.contentType(service.protocol()));
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(error.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- request parameters ----

    /** The pairs of a form body or a query string, decoded. */
    static Map<String, String> formParams(String form) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    /** The top-level members of a JSON 1.1 request; a structured member is kept as its JSON text. */
    private static Map<String, String> jsonParams(byte[] body) throws IOException {
        Map<String, String> params = new TreeMap<>();
        if (body.length == 0) {
            return params;
        }
        JsonNode json = JSON.readTree(body);
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            params.put(
                    e.getKey(),
                    e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString());
        }
        return params;
    }
}
