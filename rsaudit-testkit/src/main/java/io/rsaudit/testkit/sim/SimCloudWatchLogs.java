package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

/**
 * CloudWatch Logs' JSON 1.1 protocol ({@code X-Amz-Target: Logs_20140328.<Operation>}) over {@link SimLogData}'s
 * {@code cloudwatch/<region>/<group>/<stream>.jsonl} files: DescribeLogStreams (by name, 50 a page) and
 * FilterLogEvents (by group, optional stream names, startTime/endTime both inclusive as AWS documents them, in time
 * order, 10,000 events a page) with {@code nextToken}; fewer per page with {@link SimOptions#maxPageSize()}. Bodies
 * are written from the SDK's model of the responses; a filter pattern is refused rather than half-simulated.
 */
final class SimCloudWatchLogs {

    private static final String TARGET = "Logs_20140328.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".jsonl";

    private final SimLogData data;
    /** Each stream's events, read once: a client reading a large group asks for page after page of the same. */
    private final Map<Path, List<Event>> read = new ConcurrentHashMap<>();

    SimCloudWatchLogs(SimLogData data) {
        this.data = data;
    }

    /** A refusal, answered as JSON 1.1 errors are. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private record Event(String stream, long timestamp, String message, long index) {}

    /** Answers the request, telling {@code served} what it answered before the client can have read the answer. */
    void handle(
            HttpExchange exchange,
            String account,
            String region,
            byte[] body,
            SimOptions options,
            Consumer<SimRequest> served)
            throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target != null && target.startsWith(TARGET) ? target.substring(TARGET.length()) : "?";
        String group = "?";
        String outcome;
        int status;
        byte[] bytes;
        try {
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            group = request.path("logGroupName")
                    .asText(request.path("logGroupIdentifier").asText("?"));
            Path dir = groupDir(region, group);
            ObjectNode answer = switch (operation) {
                case "DescribeLogStreams" -> describeLogStreams(dir, account, region, group, request, options);
                case "FilterLogEvents" -> filterLogEvents(dir, group, request, options);
                default ->
                    throw new Refused("UnknownOperationException", "simulator: " + operation + " is not simulated");
            };
            Class<?> model = operation.equals("FilterLogEvents")
                    ? FilterLogEventsResponse.class
                    : DescribeLogStreamsResponse.class;
            status = 200;
            bytes = Wire.json(8192, g -> ShapeWriter.jsonObject(g, ShapeWriter.fields(model), answer, operation));
            outcome = SimRequest.OK;
        } catch (Refused r) {
            status = 400;
            bytes = Wire.jsonError(r.code, r.getMessage());
            outcome = r.code;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            status = 400;
            bytes = Wire.jsonError("SerializationException", "simulator: unreadable request");
            outcome = "SerializationException";
        }
        // logged before it is sent: a client may act on the answer (and a test read the log) at once
        data.logged(operation, group, outcome);
        served.accept(new SimRequest("logs", operation, account, region, outcome));
        send(exchange, status, bytes);
    }

    private Path groupDir(String region, String group) throws Refused {
        Path regionDir = data.cloudWatchRoot().resolve(region);
        Path dir = regionDir
                .resolve(group.startsWith("/") ? group.substring(1) : group)
                .normalize();
        if (group.isEmpty() || !dir.startsWith(regionDir) || !Files.isDirectory(dir)) {
            throw new Refused("ResourceNotFoundException", "The specified log group does not exist.");
        }
        if (data.denied("logs:" + group)) {
            throw new Refused("AccessDeniedException", "User is not authorized to perform: logs on resource: " + group);
        }
        return dir;
    }

    private ObjectNode describeLogStreams(
            Path dir, String account, String region, String group, JsonNode request, SimOptions options)
            throws IOException, Refused {
        List<String> names = streams(dir);
        int offset = offset(request);
        int limit = pageSize(request, 50, options);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode streams = answer.putArray("logStreams");
        for (int i = offset; i < names.size() && i < offset + limit; i++) {
            List<Event> events = events(dir, names.get(i));
            ObjectNode s = streams.addObject();
            s.put("logStreamName", names.get(i));
            s.put(
                    "creationTime",
                    Files.getLastModifiedTime(dir.resolve(names.get(i) + SUFFIX))
                            .toMillis());
            if (!events.isEmpty()) {
                long first = events.stream().mapToLong(Event::timestamp).min().getAsLong();
                long last = events.stream().mapToLong(Event::timestamp).max().getAsLong();
                s.put("firstEventTimestamp", first);
                s.put("lastEventTimestamp", last);
                s.put("lastIngestionTime", last + 1000);
            }
            s.put(
                    "arn",
                    "arn:aws:logs:" + region + ":" + account + ":log-group:" + group + ":log-stream:" + names.get(i));
        }
        if (offset + limit < names.size()) {
            answer.put("nextToken", Integer.toString(offset + limit));
        }
        return answer;
    }

    private ObjectNode filterLogEvents(Path dir, String group, JsonNode request, SimOptions options)
            throws IOException, Refused {
        if (!request.path("filterPattern").asText("").isEmpty()) {
            throw new Refused("InvalidParameterException", "simulator: filter patterns are not simulated");
        }
        Set<String> wanted = new HashSet<>();
        request.path("logStreamNames").forEach(n -> wanted.add(n.asText()));
        String namePrefix = request.path("logStreamNamePrefix").asText("");
        long start = request.path("startTime").asLong(Long.MIN_VALUE);
        long end = request.path("endTime").asLong(Long.MAX_VALUE);
        List<Event> all = new ArrayList<>();
        for (String stream : streams(dir)) {
            if ((wanted.isEmpty() || wanted.contains(stream)) && stream.startsWith(namePrefix)) {
                for (Event e : events(dir, stream)) {
                    if (e.timestamp >= start && e.timestamp <= end) {
                        all.add(e);
                    }
                }
            }
        }
        all.sort(Comparator.comparingLong(Event::timestamp)
                .thenComparing(Event::stream)
                .thenComparingLong(Event::index));
        int offset = offset(request);
        int limit = pageSize(request, 10_000, options);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode events = answer.putArray("events");
        for (int i = offset; i < all.size() && i < offset + limit; i++) {
            Event e = all.get(i);
            ObjectNode o = events.addObject();
            o.put("logStreamName", e.stream);
            o.put("timestamp", e.timestamp);
            o.put("message", e.message);
            o.put("ingestionTime", e.timestamp + 1000);
            o.put("eventId", group.hashCode() + "-" + e.stream + "-" + e.index);
        }
        if (offset + limit < all.size()) {
            answer.put("nextToken", Integer.toString(offset + limit));
        }
        return answer;
    }

    private static List<String> streams(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .toList();
        }
    }

    private List<Event> events(Path dir, String stream) throws IOException, Refused {
        Path file = dir.resolve(stream + SUFFIX);
        List<Event> known = read.get(file);
        if (known == null) {
            known = parse(file, stream);
            read.put(file, known);
        }
        return known;
    }

    private static List<Event> parse(Path file, String stream) throws IOException, Refused {
        List<Event> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                if (!e.path("timestamp").canConvertToLong()
                        || !e.path("message").isTextual()) {
                    throw new Refused(
                            "ServiceUnavailableException",
                            "simulator: " + stream + SUFFIX + ":" + n
                                    + " is not {\"timestamp\": millis, \"message\": text}");
                }
                events.add(new Event(
                        stream, e.path("timestamp").asLong(), e.path("message").asText(), n));
            }
        }
        return List.copyOf(events);
    }

    private static int offset(JsonNode request) throws Refused {
        String token = request.path("nextToken").asText("0");
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new Refused("InvalidParameterException", "The specified nextToken is not valid.");
        }
    }

    private static int pageSize(JsonNode request, int max, SimOptions options) {
        int limit = Math.min(max, request.path("limit").asInt(max));
        return options.maxPageSize() > 0 ? Math.min(limit, options.maxPageSize()) : limit;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
