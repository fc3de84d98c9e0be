package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The streaming flattener against the tree flattener it replaced, kept here as the oracle: random CloudTrail-like
 * records (nested objects and lists, repeated keys at any depth, keys with dots or empty, secret-named keys in any
 * case, every kind of JSON number, escapes and unicode) must give the same fields in the same order, the same
 * redactions, the same known values, and the same error where the JSON is broken.
 */
class CloudTrailFlattenerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    // ---- the oracle: the tree flattener as CloudTrailParser had it ----

    private static final Pattern MASKED = Pattern.compile("\\*+|HIDDEN_DUE_TO_SECURITY_REASONS");

    record Flat(Map<String, String> fields, Set<String> found) {}

    static Flat oracle(JsonNode record) {
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> found = new LinkedHashSet<>(2);
        treeFlatten("", "", record, fields, found);
        String kinds = Redactor.kinds(found);
        if (kinds != null) {
            fields.put("redactions", kinds);
        }
        return new Flat(fields, found);
    }

    private static void treeFlatten(
            String path, String key, JsonNode node, Map<String, String> out, Set<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String name = e.getKey();
                treeFlatten(path.isEmpty() ? name : path + "." + name, name, e.getValue(), out, found);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                // kept since 2026-11-28, so that a list set to nothing differs from one not given
                out.put(path, CloudTrailFlattener.EMPTY_LIST);
            }
            for (int i = 0; i < node.size(); i++) {
                String index = String.valueOf(i);
                if (node.get(i).isObject() && node.get(i).isEmpty()) {
                    // an element with every member left to its default
                    out.put(path + "." + index, CloudTrailFlattener.EMPTY_ELEMENT);
                }
                treeFlatten(path + "." + index, index, node.get(i), out, found);
            }
        } else if (!node.isNull()) {
            String value = node.asText();
            if (node.isTextual()
                    && CloudTrailParser.isSecretKey(key)
                    && !MASKED.matcher(value).matches()
                    && !value.isEmpty()) {
                String kind = key.toLowerCase(Locale.ROOT).contains("password")
                        ? Redactor.PASSWORD
                        : key.toLowerCase(Locale.ROOT).contains("token")
                                ? Redactor.SESSION_TOKEN
                                : Redactor.SECRET_ACCESS_KEY;
                found.add(kind);
                value = Redactor.marker(kind);
            } else if (node.isTextual()) {
                value = CloudTrailFlattener.redactText(value, found);
            }
            out.put(path, value);
        }
    }

    // ---- the comparison ----

    /** What one side made of a record: its fields as "key=value" lines in order, or the error it threw. */
    private static List<String> lines(Map<String, String> fields) {
        List<String> l = new ArrayList<>();
        fields.forEach((k, v) -> l.add(k + "=" + v));
        return l;
    }

    private static String error(Exception e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }

    /**
     * Reads {@code [record, "after"]} both ways and compares: fields, order, known values, the token the parser is
     * left on, or the error.
     */
    private static void same(String record, CloudTrailFlattener flattener) {
        same(record, flattener, FACTORY);
    }

    private static void same(String record, CloudTrailFlattener flattener, JsonFactory factory) {
        ObjectMapper mapper = factory == FACTORY ? MAPPER : new ObjectMapper(factory);
        String json = "[" + record + ", \"after\"]";
        try (JsonParser p = factory.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return; // CloudTrailParser reports a record that is no object before flattening it
            }
        } catch (IOException e) {
            return;
        }
        String expected;
        Flat tree = null;
        try (JsonParser p = factory.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            p.nextToken();
            tree = oracle(mapper.readTree(p));
            expected = String.join("\n", lines(tree.fields())) + "\nnext: " + p.nextToken() + " " + p.getText();
        } catch (IOException e) {
            expected = error(e);
        }
        String actual;
        try (JsonParser p = factory.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            p.nextToken();
            flattener.flatten(p);
            actual = String.join("\n", lines(flattener.fields())) + "\nnext: " + p.nextToken() + " " + p.getText();
        } catch (IOException e) {
            actual = error(e);
        }
        assertThat(actual).as("record %s", record).isEqualTo(expected);
        if (tree != null) {
            // one assertion per record, not per field: AssertJ's per-call cost was most of this class's time
            List<String> misread = new ArrayList<>();
            for (int k = 0; k < CloudTrailFlattener.KNOWN.length; k++) {
                if (!Objects.equals(flattener.known(k), tree.fields().get(CloudTrailFlattener.KNOWN[k]))) {
                    misread.add("known " + CloudTrailFlattener.KNOWN[k]);
                }
            }
            Map<String, String> fields = flattener.fields();
            for (String key : tree.fields().keySet()) {
                if (!fields.containsKey(key)
                        || !Objects.equals(fields.get(key), tree.fields().get(key))) {
                    misread.add(key);
                }
            }
            assertThat(misread)
                    .as("fields misread (known, get or containsKey) of %s", record)
                    .isEmpty();
            assertThat(fields).isEqualTo(tree.fields()).hasSameHashCodeAs(tree.fields());
        }
    }

    @Test
    void repeatedKeysKeepTheLastValueAtTheFirstPlace() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        same("{\"a\":{\"x\":1,\"y\":2},\"b\":2,\"a\":3}", f);
        assertThat(lines(f.fields())).containsExactly("a=3", "b=2");
        same("{\"a\":3,\"b\":2,\"a\":{\"x\":1,\"y\":[true,null]}}", f);
        assertThat(lines(f.fields())).containsExactly("a.x=1", "a.y.0=true", "b=2");
        same("{\"r\":{\"p\":\"secret\",\"q\":{\"password\":\"x\"},\"p\":{}},\"s\":[{\"k\":1,\"k\":null}]}", f);
        assertThat(lines(f.fields())).containsExactly("r.q.password=<redacted:password>", "redactions=password");
        // a record after one with a repeated key is read the fast way again, and alike
        same("{\"a\":1,\"b\":{\"c\":\"d\"}}", f);
        assertThat(lines(f.fields())).containsExactly("a=1", "b.c=d");
    }

    /**
     * An empty object in a list is an element with every member left to its default ({@code "eventSelectors":
     * [{}]}): kept as {@code {}} so that a rule sees the element; elsewhere an empty object is nothing.
     */
    @Test
    void anEmptyObjectInAListIsKeptAsAnElement() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        same("{\"s\":[{},{\"b\":1},[]],\"o\":{},\"n\":[{\"k\":null}]}", f);
        assertThat(lines(f.fields())).containsExactly("s.0={}", "s.1.b=1", "s.2=[]");
        // the same through the tree a repeated key makes the flattener read
        same("{\"s\":[1],\"t\":2,\"s\":[{},{\"b\":{}}]}", f);
        assertThat(lines(f.fields())).containsExactly("s.0={}", "t=2");
    }

    @Test
    void pathsThatFlattenToOneStringKeepTheTreesOrder() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        same("{\"a.b\":1,\"c\":2,\"a\":{\"b\":3}}", f);
        assertThat(lines(f.fields())).containsExactly("a.b=3", "c=2");
        same("{\"\":{\"x\":1},\"x\":2,\"\":[5]}", f);
        same("{\"redactions\":\"mine\",\"password\":\"p\"}", f);
        assertThat(lines(f.fields())).containsExactly("redactions=password", "password=<redacted:password>");
    }

    @Test
    void numbersRenderAsTheTreeRendersThem() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        same(
                "{\"a\":1e2,\"b\":-0.0,\"c\":-0,\"d\":2147483648,\"e\":9223372036854775808,\"f\":1.5E-7,"
                        + "\"g\":0.1,\"h\":1e400,\"i\":-2147483648,\"j\":123456789012345678901234567890.5}",
                f);
        assertThat(lines(f.fields()))
                .startsWith("a=100.0", "b=-0.0", "c=0", "d=2147483648", "e=9223372036854775808", "f=1.5E-7", "g=0.1");
    }

    @Test
    void randomRecordsFlattenAsTheTreeDid() {
        CloudTrailFlattener shared = new CloudTrailFlattener();
        for (int seed = 0; seed < 4000; seed++) {
            Random r = new Random(seed);
            String record = new Gen(r).object(0);
            same(record, shared);
            same(record, new CloudTrailFlattener());
        }
    }

    @Test
    void brokenRecordsFailAsTheTreeDid() {
        CloudTrailFlattener shared = new CloudTrailFlattener();
        for (int seed = 0; seed < 3000; seed++) {
            Random r = new Random(seed);
            String record = new Gen(r).object(0);
            int cut = r.nextInt(record.length());
            String broken = switch (r.nextInt(3)) {
                case 0 -> record.substring(0, cut);
                case 1 -> record.substring(0, cut) + record.substring(Math.min(record.length(), cut + 1));
                default -> record.substring(0, cut) + "}],:\"{x1".charAt(r.nextInt(8)) + record.substring(cut);
            };
            same(broken, shared);
        }
    }

    /** So many paths that the trie stops keeping them: records are still read as the tree read them. */
    @Test
    void pathsPastTheTriesBoundStillFlattenAlike() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder("{\"eventTime\":\"2024-03-04T08:00:03Z\"");
            for (int k = 0; k < 4; k++) {
                b.append(",\"k").append(i).append('_').append(k).append("\":{\"v\":[1,{\"w\":\"x\"}]}");
            }
            b.append(",\"k").append(i).append("_0\":\"again\"}");
            same(b.toString(), f);
            same("{\"a\":1,\"new" + i + "\":{\"a\":2,\"a\":3}}", f);
        }
    }

    /** A record with many fields (kept in a hash map rather than scanned) reads alike, and after it a small one. */
    @Test
    void manyFieldsReadAlike() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        StringBuilder b = new StringBuilder("{\"eventTime\":\"t\",\"items\":[");
        for (int i = 0; i < 200; i++) {
            b.append(i > 0 ? "," : "")
                    .append("{\"id\":\"i-")
                    .append(i)
                    .append("\",\"n\":")
                    .append(i)
                    .append('}');
        }
        same(b.append("],\"password\":\"p\"}").toString(), f);
        assertThat(f.fields()).hasSize(403).containsEntry("items.199.n", "199");
        same("{\"a\":1}", f);
    }

    /** A text kept for its repeats is still refused where a file's limit is lower than the last file's. */
    @Test
    void aKeptTextIsStillHeldToTheFilesLimit() {
        CloudTrailFlattener f = new CloudTrailFlattener();
        String record = "{\"userAgent\":\"" + "x".repeat(200) + "\",\"b\":1}";
        same(record, f);
        same(record, f);
        JsonFactory strict = JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxStringLength(100)
                        .build())
                .build();
        same(record, f, strict);
        assertThat(f.fields()).isEmpty();
    }

    /** Random CloudTrail-like JSON text, written by hand so that keys repeat and numbers come in every spelling. */
    static final class Gen {
        private static final String[] NAMES = {
            "eventTime",
            "eventSource",
            "eventName",
            "userIdentity",
            "arn",
            "accountId",
            "requestParameters",
            "clusterIdentifier",
            "responseElements",
            "errorCode",
            "tlsDetails",
            "tlsVersion",
            "sql",
            "dbName",
            "redactions",
            "items",
            "a",
            "b",
            "0",
            "1",
            "masterUserPassword",
            "MASTERUSERPASSWORD",
            "newMasterUserPassword",
            "sessionToken",
            "SESSION_TOKEN",
            "SecretAccessKey",
            "aws_secret_access_key",
            "secretaccesskeyid",
            "token",
            "password",
            "x.y",
            "",
            ".",
            "ü",
            "名前",
            "a\\\"b",
            "\\u0041",
            "tab\\tkey",
            "recipientAccountId",
            "awsRegion",
            "sourceIPAddress"
        };
        private static final String[] NUMBERS = {
            "0",
            "-0",
            "7",
            "-12",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1e2",
            "1E2",
            "-0.0",
            "0.0",
            "1.5",
            "-1.5e-7",
            "1.0E+300",
            "1e400",
            "-1e-400",
            "3.141592653589793238",
            "100.000",
            "5e0",
            "0.1",
            "1234567.0",
            "12345678.9"
        };
        private static final String[] TEXTS = {
            "",
            "prod-dw",
            "2024-03-04T08:00:03Z",
            "***",
            "*",
            "HIDDEN_DUE_TO_SECURITY_REASONS",
            "hunter2",
            "ALTER USER u PASSWORD 'p4ss'",
            "AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key=abc;token=xyz",
            "line\\nbreak",
            "quote\\\"d",
            "back\\\\slash",
            "\\u00e9t\\u00e9",
            "\\ud83d\\ude00",
            "naïve 日本",
            "redshift.amazonaws.com",
            "arn:aws:iam::1:user/x",
            "md5abc",
            "select 1",
            "password 'x'",
            "null",
            "true"
        };

        private final Random r;

        Gen(Random r) {
            this.r = r;
        }

        String object(int depth) {
            StringBuilder b = new StringBuilder("{");
            int n = r.nextInt(depth == 0 ? 12 : 5);
            List<String> used = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(',').append(r.nextInt(4) == 0 ? "\n " : "");
                }
                String name = !used.isEmpty() && r.nextInt(8) == 0
                        ? used.get(r.nextInt(used.size()))
                        : NAMES[r.nextInt(NAMES.length)];
                used.add(name);
                b.append('"').append(name).append("\":").append(value(depth + 1));
            }
            return b.append('}').toString();
        }

        private String array(int depth) {
            StringBuilder b = new StringBuilder("[");
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append(i > 0 ? "," : "").append(value(depth + 1));
            }
            return b.append(']').toString();
        }

        private String value(int depth) {
            int k = r.nextInt(depth > 4 ? 6 : 9);
            return switch (k) {
                case 0, 1 -> '"' + TEXTS[r.nextInt(TEXTS.length)] + '"';
                case 2 -> NUMBERS[r.nextInt(NUMBERS.length)];
                case 3 -> r.nextBoolean() ? "true" : "false";
                case 4 -> "null";
                case 5 -> r.nextBoolean() ? "{}" : "[]";
                case 6 -> array(depth);
                default -> object(depth);
            };
        }
    }

    // ---- eventTime ----

    @Test
    void eventTimeIsWhatInstantParseGives() {
        List<String> cases = new ArrayList<>(List.of(
                "2024-03-04T08:00:03Z",
                "2024-03-04T08:00:03.5Z",
                "2024-03-04T08:00:03.123456789Z",
                "2023-06-30T23:59:60Z",
                "2024-03-04T23:59:60Z",
                "2024-03-04T24:00:00Z",
                "2024-03-04T24:00:01Z",
                "2024-02-29T00:00:00Z",
                "2023-02-29T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "2024-03-04t08:00:03z",
                "2024-03-04T08:00:03+01:00",
                "2024-03-04T08:00Z",
                "2024-13-04T08:00:03Z",
                "2024-03-04T08:60:03Z",
                "2024-03-04T08:00:03",
                "+12024-03-04T08:00:03Z",
                "2024-03-04 08:00:03Z",
                "",
                "２０２４-03-04T08:00:03Z",
                "2024-03-04T08:00:0\u00e9Z",
                "2024-03-04T08:00:0\u0663Z"));
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            char[] c = Instant.ofEpochSecond(r.nextLong() % 400_000_000_000L)
                    .toString()
                    .toCharArray();
            if (r.nextBoolean() && c.length > 0) {
                c[r.nextInt(c.length)] = "0123456789:-TZ+.x 6".charAt(r.nextInt(19));
            }
            cases.add(new String(c));
        }
        for (String s : cases) {
            Instant expected;
            try {
                expected = Instant.parse(s);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            assertThat(CloudTrailParser.time(s)).as(s).isEqualTo(expected);
        }
        assertThat(CloudTrailParser.time(null)).isNull();
    }

    // ---- whole events: the parser against the record mapping it had, on random records ----

    @Test
    void eventsAreThoseTheTreeReaderMade() throws IOException {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            StringBuilder file = new StringBuilder("{\"Records\":[");
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(6); i++) {
                String record = realistic(r);
                records.add(record);
                file.append(i > 0 ? ",\n" : "\n").append(record);
            }
            file.append("]}");
            Logs.Read read = Logs.read(
                    List.of(new Logs.Memory(
                            "123456789012_CloudTrail_eu-west-1_20230626T1805Z_a1" + ".json",
                            file.toString().getBytes(StandardCharsets.UTF_8))),
                    ReadOptions.defaults().withParallelism(1));
            List<Event> expected = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                Event e = oracleEvent(
                        MAPPER.readTree(records.get(i)),
                        read.events().isEmpty()
                                ? null
                                : read.events().get(0).origin().file(),
                        i);
                if (e != null) {
                    expected.add(e);
                }
            }
            assertThat(read.events()).as("seed %d: %s", seed, file).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Event a = read.events().get(i);
                Event b = expected.get(i);
                assertThat(lines(a.fields())).isEqualTo(lines(b.fields()));
                assertThat(a)
                        .usingRecursiveComparison()
                        .ignoringFields("origin")
                        .isEqualTo(b);
                assertThat(a.origin().index()).isEqualTo(b.origin().index());
            }
            assertThat(read.summary().malformed()).isEqualTo(records.size() - expected.size());
        }
    }

    private static String realistic(Random r) {
        StringBuilder b = new StringBuilder("{");
        List<String> parts = new ArrayList<>(List.of(
                "\"eventTime\":\""
                        + (r.nextInt(8) == 0
                                ? "2024-03-04T08:00:0" + r.nextInt(10) + ".5Z"
                                : r.nextInt(10) == 0 ? "bad" : "2024-03-04T08:00:0" + r.nextInt(10) + "Z")
                        + "\"",
                "\"eventSource\":\"" + (r.nextBoolean() ? "redshift.amazonaws.com" : "other") + "\"",
                "\"eventName\":\"ModifyCluster\"",
                "\"awsRegion\":\"eu-west-1\"",
                "\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/x\",\"accountId\":\"1\",\"userName\":\"u\"}",
                "\"requestParameters\":{\"clusterIdentifier\":\"c\",\"masterUserPassword\":\"p\",\"dbName\":\"d\","
                        + "\"sql\":\"ALTER USER u PASSWORD 'x'\",\"snapshotClusterIdentifier\":\"s\"}",
                "\"errorCode\":\"AccessDenied\"",
                "\"sourceIPAddress\":\"10.0.0.1\"",
                "\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\"}",
                "\"recipientAccountId\":\"2\"",
                "\"responseElements\":{\"clusterIdentifier\":\"rc\"}",
                "\"redactions\":\"theirs\"",
                "\"extra\":" + new Gen(r).object(2)));
        Collections.shuffle(parts, r);
        int n = r.nextInt(parts.size() + 1);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append(parts.get(i));
        }
        if (n > 0 && r.nextInt(5) == 0) {
            b.append(',').append(parts.get(r.nextInt(n)).replace("\"c\"", "\"again\""));
        }
        return b.append('}').toString();
    }

    /** What CloudTrailParser made of a record before: its record mapping, on the oracle's fields. */
    private static Event oracleEvent(JsonNode node, String file, long index) {
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> found = new LinkedHashSet<>(2);
        treeFlatten("", "", node, fields, found);
        String eventTime = fields.get("eventTime");
        Instant time;
        try {
            time = Instant.parse(eventTime == null ? "" : eventTime);
        } catch (DateTimeParseException e) {
            return null;
        }
        String kinds = Redactor.kinds(found);
        if (kinds != null) {
            fields.put("redactions", kinds);
        }
        String source = fields.get("eventSource");
        String eventName = fields.get("eventName");
        String service = source == null
                ? "unknown"
                : source.endsWith(".amazonaws.com")
                        ? source.substring(0, source.length() - ".amazonaws.com".length())
                        : source;
        String action = eventName == null ? null : service + ":" + eventName;
        return new Event(
                LogType.CLOUDTRAIL,
                time,
                first(fields, "recipientAccountId", "userIdentity.accountId", "123456789012"),
                first(fields, "awsRegion", null, "eu-west-1"),
                first(
                        fields,
                        "requestParameters.clusterIdentifier",
                        "responseElements.clusterIdentifier",
                        fields.get("requestParameters.snapshotClusterIdentifier")),
                first(fields, "requestParameters.dbName", "requestParameters.database", null),
                first(fields, "userIdentity.arn", "userIdentity.userName", fields.get("userIdentity.principalId")),
                fields.get("sourceIPAddress"),
                action,
                fields.get("requestParameters.sql"),
                fields.containsKey("errorCode") ? EventOutcome.FAILURE : EventOutcome.SUCCESS,
                fields.get("tlsDetails.tlsVersion"),
                Collections.unmodifiableMap(fields),
                new Origin(file, 0, index));
    }

    private static String first(Map<String, String> fields, String a, String b, String otherwise) {
        String v = fields.get(a);
        if (v == null && b != null) {
            v = fields.get(b);
        }
        return v == null ? otherwise : v;
    }
}
