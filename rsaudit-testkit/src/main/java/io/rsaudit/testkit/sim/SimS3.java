package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * S3's REST-XML protocol over {@link SimLogData}'s {@code s3/<bucket>/<key>} files, path-style addressed
 * ({@code GET /bucket?list-type=2...}, {@code GET /bucket/key}): ListObjectsV2 in key order with continuation tokens,
 * a delimiter (keys rolled up into common prefixes) and max-keys (1,000 at most, as S3; fewer with
 * {@link SimOptions#maxPageSize()}), GetObject streaming the file, and
 * errors as S3 writes them ({@code <Error><Code>..</Code><Message>..</Message>}, no namespace). The listing body is
 * written from the SDK's model of {@code ListObjectsV2Response}.
 */
final class SimS3 {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final int MAX_KEYS = 1000;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimLogData data;

    SimS3(SimLogData data) {
        this.data = data;
    }

    /** Answers the request, telling {@code served} what it answered before the client can have read the answer. */
    void handle(HttpExchange exchange, String account, String region, SimOptions options, Consumer<SimRequest> served)
            throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        String bucket = decode(slash < 0 ? rest : rest.substring(0, slash));
        String key = slash < 0 ? "" : decode(rest.substring(slash + 1));
        boolean list = key.isEmpty();
        String operation = list ? "ListObjectsV2" : "GetObject";
        String target = bucket + "/" + (list ? listedPrefix(exchange) : key);
        answer(exchange, bucket, key, list, options, outcome -> {
            data.logged(operation, target, outcome);
            served.accept(new SimRequest("s3", operation, account, region, outcome));
        });
    }

    /** The prefix a listing asks for ({@code ""} for none). */
    private static String listedPrefix(HttpExchange exchange) {
        return query(exchange.getRequestURI().getRawQuery()).getOrDefault("prefix", "");
    }

    /** @param log told the outcome just before the answer is sent (a client may act on it at once) */
    private void answer(
            HttpExchange exchange, String bucket, String key, boolean list, SimOptions options, Consumer<String> log)
            throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            error(exchange, log, 405, "MethodNotAllowed", "simulator: only GET is simulated");
            return;
        }
        Path dir = data.s3Root().resolve(bucket).normalize();
        if (bucket.isEmpty() || !dir.startsWith(data.s3Root()) || !Files.isDirectory(dir)) {
            error(exchange, log, 404, "NoSuchBucket", "The specified bucket does not exist");
            return;
        }
        if (data.denied("s3://" + bucket)) {
            error(exchange, log, 403, "AccessDenied", "Access Denied");
            return;
        }
        if (list) {
            list(exchange, bucket, dir, query(exchange.getRequestURI().getRawQuery()), options, log);
            return;
        }
        String target = "s3://" + bucket + "/" + key;
        if (data.denied(target)) {
            error(exchange, log, 403, "AccessDenied", "Access Denied");
            return;
        }
        if (data.throttled(target)) {
            error(exchange, log, 503, "SlowDown", "Please reduce your request rate.");
            return;
        }
        Path file = dir.resolve(key).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            error(exchange, log, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        long size = Files.size(file);
        exchange.getResponseHeaders().set("Content-Type", "binary/octet-stream");
        exchange.getResponseHeaders().set("ETag", etag(file));
        exchange.getResponseHeaders()
                .set(
                        "Last-Modified",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC)));
        exchange.getResponseHeaders().set("x-amz-request-id", UUID.randomUUID().toString());
        log.accept(SimRequest.OK);
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out); // streamed from the file, never held whole
        }
    }

    private void list(
            HttpExchange exchange,
            String bucket,
            Path dir,
            Map<String, String> q,
            SimOptions options,
            Consumer<String> log)
            throws IOException {
        if (!"2".equals(q.get("list-type"))) {
            error(exchange, log, 400, "InvalidArgument", "simulator: only ListObjectsV2 (list-type=2) is simulated");
            return;
        }
        String delimiter = q.getOrDefault("delimiter", "");
        String prefix = q.getOrDefault("prefix", "");
        int maxKeys;
        try {
            maxKeys = Math.min(MAX_KEYS, Integer.parseInt(q.getOrDefault("max-keys", "1000")));
        } catch (NumberFormatException e) {
            error(exchange, log, 400, "InvalidArgument", "Provided max-keys not an integer or within integer range");
            return;
        }
        int page = options.maxPageSize() > 0 ? Math.min(maxKeys, options.maxPageSize()) : maxKeys;
        String after = q.getOrDefault("start-after", "");
        String token = q.get("continuation-token");
        if (token != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                error(exchange, log, 400, "InvalidArgument", "The continuation token provided is incorrect");
                return;
            }
        }
        boolean encode = "url".equals(q.get("encoding-type"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        TreeMap<String, Path> keys = new TreeMap<>();
        for (Path f : files) {
            String k = dir.relativize(f).toString().replace('\\', '/');
            if (k.startsWith(prefix) && k.compareTo(after) > 0) {
                keys.put(k, f);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("Name", bucket);
        body.put("Prefix", encode ? SdkHttpUtils.urlEncode(prefix) : prefix);
        body.put("MaxKeys", maxKeys);
        ArrayNode contents = body.putArray("Contents");
        // keys with the delimiter after the prefix roll up into their common prefix, each counted once, as a key is
        ArrayNode common = body.putArray("CommonPrefixes");
        String last = null;
        for (Map.Entry<String, Path> e : keys.entrySet()) {
            if (last != null && e.getKey().compareTo(last) <= 0) {
                continue; // under a common prefix given already
            }
            if (contents.size() + common.size() == page) {
                break;
            }
            int cut = delimiter.isEmpty() ? -1 : e.getKey().indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                String rolled = e.getKey().substring(0, cut + delimiter.length());
                common.addObject().put("Prefix", encode ? SdkHttpUtils.urlEncode(rolled) : rolled);
                // the page ends after its last key, so that the next one does not give the prefix again
                last = keys.floorKey(rolled + Character.MAX_VALUE);
                continue;
            }
            ObjectNode o = contents.addObject();
            o.put("Key", encode ? SdkHttpUtils.urlEncode(e.getKey()) : e.getKey());
            o.put(
                    "LastModified",
                    Files.getLastModifiedTime(e.getValue()).toInstant().toString());
            o.put("ETag", etag(e.getValue()));
            o.put("Size", Files.size(e.getValue()));
            o.put("StorageClass", "STANDARD");
            last = e.getKey();
        }
        if (!delimiter.isEmpty()) {
            body.put("Delimiter", delimiter);
        }
        boolean truncated = last != null && keys.higherKey(last) != null;
        body.put("KeyCount", contents.size() + common.size());
        body.put("IsTruncated", truncated);
        if (token != null) {
            body.put("ContinuationToken", token);
        }
        if (truncated) {
            body.put(
                    "NextContinuationToken",
                    Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        if (encode) {
            body.put("EncodingType", "url");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ListBucketResult");
            w.writeDefaultNamespace(NAMESPACE);
            ShapeWriter.xmlMembers(w, ShapeWriter.fields(ListObjectsV2Response.class), body, "ListObjectsV2");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        log.accept(SimRequest.OK);
        send(exchange, 200, out.toByteArray());
    }

    /** An error as S3 writes it: a bare {@code <Error>} document. */
    private static void error(HttpExchange exchange, Consumer<String> log, int status, String code, String message)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Error");
            element(w, "Code", code);
            element(w, "Message", message);
            element(w, "RequestId", UUID.randomUUID().toString());
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        log.accept(code);
        send(exchange, status, out.toByteArray());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.getResponseHeaders().set("x-amz-request-id", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** A stable stand-in for S3's ETag (size and time; nothing checks it against the bytes). */
    private static String etag(Path file) throws IOException {
        Instant t = Files.getLastModifiedTime(file).toInstant();
        return "\"" + Long.toHexString(Files.size(file)) + "-" + Long.toHexString(t.toEpochMilli()) + "\"";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new TreeMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
