package io.rsaudit.core.hunt.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Outcome;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * CloudTrail log files: one JSON object whose {@code Records} array is streamed with Jackson, one record tree at a
 * time, so a file of any size holds one record in memory. Each record's leaves become dotted fields
 * ({@code requestParameters.clusterIdentifier}, lists as {@code name.0}); values of keys that name a password,
 * secret key or session token are redacted unless already masked, and every string leaf goes through
 * {@link Redactor}.
 */
final class CloudTrailParser {

    /** Keys whose values are secrets end so, in any ASCII case; checked per leaf, so without a regex. */
    private static final String[] SECRET_KEY_ENDINGS = {"password", "secretaccesskey", "sessiontoken",
        "secret_access_key", "session_token"};
    private static final Pattern MASKED = Pattern.compile("\\*+|HIDDEN_DUE_TO_SECURITY_REASONS");

    /** Building a mapper costs more than parsing a small file; the default one is shared (it is thread-safe). */
    private static final ObjectMapper DEFAULT_MAPPER = mapper(ReadOptions.DEFAULT_MAX_RECORD_BYTES);

    private final FileRead file;
    private final ObjectMapper mapper;

    private static ObjectMapper mapper(int maxString) {
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(maxString).build()).build());
    }

    CloudTrailParser(FileRead file) {
        this.file = file;
        this.mapper = file.options.maxRecordBytes() == ReadOptions.DEFAULT_MAX_RECORD_BYTES ? DEFAULT_MAPPER
                : mapper(file.options.maxRecordBytes());
    }

    void read(InputStream in, boolean gzip) {
        long line = 1;
        long index = 0;
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                file.problem(1, ReadProblem.Kind.INVALID_JSON, "not a CloudTrail file: expected a JSON object with"
                        + " \"Records\"");
                return;
            }
            boolean sawRecords = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"Records".equals(name) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                sawRecords = true;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    line = p.currentTokenLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        file.malformed(line, ReadProblem.Kind.MALFORMED, "Records[" + index + "] is not an object");
                    } else {
                        record(mapper.readTree(p), line, index);
                    }
                    index++;
                }
            }
            if (!sawRecords) {
                file.problem(1, ReadProblem.Kind.INVALID_JSON, "not a CloudTrail file: no \"Records\" array");
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            file.problem(at, ReadProblem.Kind.INVALID_JSON, "invalid JSON after Records[" + index + "]: "
                    + e.getOriginalMessage() + "; the " + index + " record(s) before it were read, the rest of the"
                    + " file is skipped");
        } catch (EOFException | ZipException e) {
            file.problem(line, gzip ? ReadProblem.Kind.TRUNCATED_GZIP : ReadProblem.Kind.UNREADABLE,
                    (gzip ? (e instanceof EOFException ? "truncated gzip stream" : "corrupt gzip stream ("
                            + e.getMessage() + ")") : "read failed: " + e.getMessage()) + " after Records[" + index
                            + "]; the records before it were read");
        } catch (IOException e) {
            file.problem(line, ReadProblem.Kind.UNREADABLE, "read failed: " + e.getMessage());
        }
    }

    private void record(JsonNode node, long line, long index) {
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> found = new LinkedHashSet<>(2);
        flatten("", "", node, fields, found);
        String eventTime = fields.get("eventTime");
        Instant time;
        try {
            time = Instant.parse(eventTime == null ? "" : eventTime);
        } catch (DateTimeParseException e) {
            file.malformed(line, ReadProblem.Kind.MALFORMED, "Records[" + index + "]: " + (eventTime == null
                    ? "no eventTime" : "bad eventTime '" + eventTime + "'"));
            return;
        }
        if (!file.inWindow(time.toEpochMilli())) {
            return;
        }
        String kinds = Redactor.kinds(found);
        if (kinds != null) {
            fields.put("redactions", kinds);
        }
        String source = fields.get("eventSource");
        String eventName = fields.get("eventName");
        String service = source == null ? "unknown" : source.endsWith(".amazonaws.com")
                ? source.substring(0, source.length() - ".amazonaws.com".length()) : source;
        String action = eventName == null ? null : service + ":" + eventName;
        file.offer(new Event(LogType.CLOUDTRAIL, time,
                first(fields, "recipientAccountId", "userIdentity.accountId", file.account),
                first(fields, "awsRegion", null, file.region),
                first(fields, "requestParameters.clusterIdentifier", "responseElements.clusterIdentifier",
                        fields.get("requestParameters.snapshotClusterIdentifier")),
                first(fields, "requestParameters.dbName", "requestParameters.database", null),
                first(fields, "userIdentity.arn", "userIdentity.userName", fields.get("userIdentity.principalId")),
                fields.get("sourceIPAddress"), action, fields.get("requestParameters.sql"),
                fields.containsKey("errorCode") ? Outcome.FAILURE : Outcome.SUCCESS,
                fields.get("tlsDetails.tlsVersion"), Collections.unmodifiableMap(fields),
                new io.rsaudit.core.hunt.Origin(file.file, line, index)));
    }

    private static String first(Map<String, String> fields, String a, String b, String otherwise) {
        String v = fields.get(a);
        if (v == null && b != null) {
            v = fields.get(b);
        }
        return v == null ? otherwise : v;
    }

    /** Whether the key names a secret: it ends with one of {@link #SECRET_KEY_ENDINGS}, ASCII case ignored. */
    static boolean isSecretKey(String key) {
        for (String ending : SECRET_KEY_ENDINGS) {
            int at = key.length() - ending.length();
            if (at >= 0) {
                boolean same = true;
                for (int k = 0; k < ending.length() && same; k++) {
                    char c = key.charAt(at + k);
                    same = (c >= 'A' && c <= 'Z' ? c + 32 : c) == ending.charAt(k);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code key} is the last part of {@code path}: the member name, or the index in a list. */
    private static void flatten(String path, String key, JsonNode node, Map<String, String> out, Set<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String name = e.getKey();
                flatten(path.isEmpty() ? name : path + "." + name, name, e.getValue(), out, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String index = String.valueOf(i);
                flatten(path + "." + index, index, node.get(i), out, found);
            }
        } else if (!node.isNull()) {
            String value = node.asText();
            if (node.isTextual() && isSecretKey(key) && !MASKED.matcher(value).matches()
                    && !value.isEmpty()) {
                String kind = key.toLowerCase(java.util.Locale.ROOT).contains("password") ? Redactor.PASSWORD
                        : key.toLowerCase(java.util.Locale.ROOT).contains("token") ? Redactor.SESSION_TOKEN
                        : Redactor.SECRET_ACCESS_KEY;
                found.add(kind);
                value = Redactor.marker(kind);
            } else if (node.isTextual()) {
                value = Redactor.redact(value, found);
            }
            out.put(path, value);
        }
    }
}
