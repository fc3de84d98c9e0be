package io.rsaudit.core.hunt.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.redact.Redactor;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One CloudTrail record flattened straight from Jackson's token stream to dotted fields, giving what reading the
 * record into a {@code JsonNode} tree and walking that tree gave: the same keys, values, order and redactions.
 *
 * <p>Why not the tree: building it cost more than tokenising the JSON. The paths ({@code userIdentity.arn}) are
 * kept in a trie of the names seen, so a record's paths are looked up, not concatenated, and what a key says
 * (whether it names a secret, whether it is a field the event needs) is worked out once per path, not per record.
 *
 * <p>A tree differs from the token stream where an object repeats a key (the tree keeps the last value at the first
 * key's place) and where two paths flatten to one string (a key holding a '.', or an empty key). Such records are
 * rare, so the stream only notices them; the record is then flattened again, from a log of its tokens kept as it
 * streamed, with the tree's rules. Not thread-safe: one per thread ({@link #forThread}).
 */
final class CloudTrailFlattener {

    /** The fields the event is built from, each found by its trie node rather than by a map lookup. */
    static final String[] KNOWN = {
        "eventTime",
        "eventSource",
        "eventName",
        "recipientAccountId",
        "userIdentity.accountId",
        "awsRegion",
        "requestParameters.clusterIdentifier",
        "responseElements.clusterIdentifier",
        "requestParameters.snapshotClusterIdentifier",
        "requestParameters.dbName",
        "requestParameters.database",
        "userIdentity.arn",
        "userIdentity.userName",
        "userIdentity.principalId",
        "sourceIPAddress",
        "requestParameters.sql",
        "errorCode",
        "tlsDetails.tlsVersion",
        "redactions"
    };

    static final int EVENT_TIME = 0;
    static final int EVENT_SOURCE = 1;
    static final int EVENT_NAME = 2;
    static final int RECIPIENT_ACCOUNT = 3;
    static final int USER_ACCOUNT = 4;
    static final int REGION = 5;
    static final int CLUSTER = 6;
    static final int RESPONSE_CLUSTER = 7;
    static final int SNAPSHOT_CLUSTER = 8;
    static final int DB_NAME = 9;
    static final int DATABASE = 10;
    static final int USER_ARN = 11;
    static final int USER_NAME = 12;
    static final int PRINCIPAL = 13;
    static final int SOURCE_IP = 14;
    static final int SQL = 15;
    static final int ERROR_CODE = 16;
    static final int TLS_VERSION = 17;
    static final int REDACTIONS = 18;

    private static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    /**
     * Paths kept in the trie, at most: enough for every path CloudTrail writes many times over; past it a record
     * with a path not yet kept is flattened the slow way (a repeated key could not be noticed on a node not kept).
     */
    private static final int MAX_NODES = 8192;
    /** The longest text a path keeps for its repeats: short values are the ones that repeat. */
    private static final int MAX_KEPT_TEXT = 256;
    /** Room kept between files; a file's larger record gets larger arrays, dropped when the file is done. */
    private static final int LOG_ROOM = 256;

    private static final int FIELD_ROOM = 64;
    private static final int MAX_SCANNED_FIELDS = 48;

    private static final ThreadLocal<CloudTrailFlattener> PER_THREAD =
            ThreadLocal.withInitial(CloudTrailFlattener::new);

    // token log kinds
    /** The value of an empty list. */
    static final String EMPTY_LIST = "[]";

    /**
     * The value of an empty object in a list ({@code "eventSelectors": [{}]}): an element with every member left to
     * its default, which a rule's wildcard test that allows null must see as an element.
     */
    static final String EMPTY_ELEMENT = "{}";

    private static final byte OBJECT = 0;
    private static final byte ARRAY = 1;
    private static final byte END = 2;
    private static final byte NAME = 3;
    private static final byte TEXT = 4;
    private static final byte SCALAR = 5;
    private static final byte NULL = 6;

    /** One path: its string, what its last key says, and the paths under it. */
    private final class FieldPath {
        final String path;
        final String secretKind;
        /** Its key is empty or holds a '.': its path may be another path's too. */
        final boolean ambiguous;

        int known = -1;
        /** The object being read when this node's key was last seen there; equal again means a repeated key. */
        long seenIn;
        /**
         * The last text read at this path, when it needed no redaction, and its characters: CloudTrail repeats most
         * values record after record (source, region, user, cluster), and a repeat is then neither made into a new
         * string nor scanned for secrets again. Paths whose values seldom repeat (request ids) stop keeping one.
         */
        String lastText;

        char[] lastChars;
        int repeats;
        int changes;
        private Map<String, FieldPath> children;
        private FieldPath[] elements;

        FieldPath(String path, String secretKind, boolean ambiguous) {
            this.path = path;
            this.secretKind = secretKind;
            this.ambiguous = ambiguous;
        }

        FieldPath child(String name) {
            FieldPath n = children == null ? null : children.get(name);
            if (n == null) {
                n = new FieldPath(
                        path.isEmpty() ? name : path + "." + name,
                        secretKind(name),
                        name.isEmpty() || name.indexOf('.') >= 0);
                keep(n, name, true);
            }
            return n;
        }

        FieldPath element(int i) {
            FieldPath n = elements != null && i < elements.length ? elements[i] : null;
            if (n == null) {
                n = new FieldPath(path + "." + i, null, false);
                keep(n, null, false);
                if (n.seenIn == KEPT) {
                    if (elements == null || i >= elements.length) {
                        elements = Arrays.copyOf(
                                elements == null ? new FieldPath[4] : elements,
                                Math.max(i + 1, elements == null ? 4 : elements.length * 2));
                    }
                    elements[i] = n;
                }
            }
            return n;
        }

        private void keep(FieldPath n, String name, boolean named) {
            if (nodes >= MAX_NODES) {
                tooMany = true;
                n.seenIn = 0;
                return;
            }
            nodes++;
            n.seenIn = KEPT;
            if (named) {
                if (children == null) {
                    children = new HashMap<>();
                }
                children.put(name, n);
            }
        }
    }

    /** {@link FieldPath#seenIn} of a node just made: no object yet (object serials start at 1). */
    private static final long KEPT = -1;

    private final FieldPath root = new FieldPath("", null, false);
    private int nodes;
    /** A node was needed past {@link #MAX_NODES} while reading this record. */
    private boolean tooMany;

    private long objectSerial;
    /** The parser's longest string: the trie outlives a file, and files may have different limits. */
    private int maxString;
    /** What the tree would give differs from what was streamed: flatten again from the log. */
    private boolean irregular;

    // the stack of open containers while streaming
    private FieldPath[] stackNodes = new FieldPath[16];
    private long[] stackSerial = new long[16];
    private int[] stackIndex = new int[16];
    private int[] stackStart = new int[16];

    // the token log: kind, text (a name or a leaf's value before redaction), and for a container where it ends
    private byte[] logKind = new byte[LOG_ROOM];
    private String[] logText = new String[LOG_ROOM];
    private int[] logEnd = new int[LOG_ROOM];
    private int logSize;

    // the record's fields
    private String[] paths = new String[FIELD_ROOM];
    private String[] values = new String[FIELD_ROOM];
    private int size;
    private final String[] known = new String[KNOWN.length];
    /** Handed out in a field map, so never changed. */
    private String[] lastPaths = new String[0];

    private final Set<String> found = new LinkedHashSet<>(4);

    CloudTrailFlattener() {
        for (int k = 0; k < KNOWN.length; k++) {
            FieldPath n = root;
            for (String name : KNOWN[k].split("\\.")) {
                n = n.child(name);
            }
            n.known = k;
        }
    }

    static CloudTrailFlattener forThread() {
        return PER_THREAD.get();
    }

    /**
     * Flattens the record whose START_OBJECT is {@code p}'s current token, leaving {@code p} on its END_OBJECT.
     * Fields, kinds redacted and known values are then available until the next call.
     */
    void flatten(JsonParser p) throws IOException {
        size = 0;
        logSize = 0;
        maxString = p.streamReadConstraints().getMaxStringLength();
        irregular = false;
        tooMany = false;
        found.clear();
        Arrays.fill(known, null);
        int depth = 0;
        FieldPath node = root;
        boolean inArray = false;
        long serial = ++objectSerial;
        int index = 0;
        log(OBJECT, null);
        int start = 0;
        while (true) {
            FieldPath child;
            JsonToken t;
            if (inArray) {
                t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    if (index == 0) {
                        emptyList(node);
                    }
                    close(start);
                    depth--;
                    node = stackNodes[depth];
                    serial = stackSerial[depth];
                    index = stackIndex[depth];
                    start = stackStart[depth];
                    inArray = serial == 0;
                    continue;
                }
                child = node.element(index++);
            } else {
                String name = p.nextFieldName();
                if (name == null) {
                    // the tree reader ends an object on the same call, and leaves the same error to the parser
                    boolean empty = logSize == start + 1;
                    FieldPath closed = node;
                    close(start);
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                    node = stackNodes[depth];
                    serial = stackSerial[depth];
                    index = stackIndex[depth];
                    start = stackStart[depth];
                    inArray = serial == 0;
                    if (empty && inArray) {
                        add(closed.path, EMPTY_ELEMENT);
                    }
                    continue;
                }
                log(NAME, name);
                child = node.child(name);
                if (child.seenIn == serial || child.ambiguous) {
                    irregular = true;
                }
                child.seenIn = serial;
                t = p.nextToken();
            }
            if (t == null) {
                throw new JsonEOFException(p, null, "Unexpected end-of-input within a record");
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    if (depth + 1 >= stackNodes.length) {
                        int n = stackNodes.length * 2;
                        stackNodes = Arrays.copyOf(stackNodes, n);
                        stackSerial = Arrays.copyOf(stackSerial, n);
                        stackIndex = Arrays.copyOf(stackIndex, n);
                        stackStart = Arrays.copyOf(stackStart, n);
                    }
                    stackNodes[depth] = node;
                    stackSerial[depth] = inArray ? 0 : serial;
                    stackIndex[depth] = index;
                    stackStart[depth] = start;
                    depth++;
                    node = child;
                    start = logSize;
                    index = 0;
                    inArray = t == JsonToken.START_ARRAY;
                    serial = inArray ? 0 : ++objectSerial;
                    log(inArray ? ARRAY : OBJECT, null);
                }
                case VALUE_STRING -> text(child, p);
                case VALUE_NULL -> log(NULL, null);
                default -> leaf(child, SCALAR, scalar(p, t));
            }
        }
        if (irregular || tooMany) {
            flattenFromLog();
        }
        String kinds = Redactor.kinds(found);
        if (kinds != null) {
            String old = known[REDACTIONS];
            known[REDACTIONS] = kinds;
            if (old != null) {
                values[Arrays.asList(paths).subList(0, size).indexOf("redactions")] = kinds;
            } else {
                add("redactions", kinds);
            }
        }
    }

    /**
     * Lets go of the last record's strings and of arrays a large record grew, so that a thread done with a file
     * holds no more than the trie of paths (bounded by {@link #MAX_NODES}).
     */
    void release() {
        if (logKind.length > LOG_ROOM) {
            logKind = new byte[LOG_ROOM];
            logText = new String[LOG_ROOM];
            logEnd = new int[LOG_ROOM];
        } else {
            Arrays.fill(logText, null);
        }
        if (paths.length > FIELD_ROOM) {
            paths = new String[FIELD_ROOM];
            values = new String[FIELD_ROOM];
        } else {
            Arrays.fill(paths, null);
            Arrays.fill(values, null);
        }
        Arrays.fill(known, null);
        logSize = 0;
        size = 0;
    }

    /**
     * The fields, in the tree's order, as an unmodifiable map of their own. Records of one kind have the same paths
     * in the same order, so the last record's array of paths is handed out again when it holds the same strings. A
     * {@link FieldMap} finds a key by scanning, so a record with many fields gets a hash map instead.
     */
    Map<String, String> fields() {
        if (size > MAX_SCANNED_FIELDS) {
            Map<String, String> m = new LinkedHashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                m.put(paths[i], values[i]);
            }
            return Collections.unmodifiableMap(m);
        }
        String[] names = lastPaths;
        if (names.length != size || Arrays.mismatch(names, 0, size, paths, 0, size) >= 0) {
            names = Arrays.copyOf(paths, size);
            lastPaths = names;
        }
        return new FieldMap(names, Arrays.copyOf(values, size));
    }

    /** The value of {@link #KNOWN}{@code [k]}, as {@code fields().get(KNOWN[k])} gives it. */
    String known(int k) {
        return known[k];
    }

    /**
     * The text a tree node of this scalar renders ({@code JsonNode.asText()}): the tree reader's choice of node
     * for the number, then that node's rendering (a double as Java prints it, {@code 1e2} as {@code 100.0}).
     */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> NumberOutput.toString(p.getIntValue());
                    case LONG -> NumberOutput.toString(p.getLongValue());
                    default -> p.getBigIntegerValue().toString();
                };
            case VALUE_NUMBER_FLOAT ->
                switch (p.getNumberTypeFP()) {
                    // not produced by a JSON text parser; the tree reader's own rules then
                    case BIG_DECIMAL, FLOAT32 ->
                        TREE_READER.<JsonNode>readTree(p).asText();
                    default -> NumberOutput.toString(p.getDoubleValue());
                };
            default ->
                throw new InputCoercionException(
                        p, "unexpected token " + t + " in a CloudTrail record", t, String.class);
        };
    }

    private static final ObjectMapper TREE_READER = new ObjectMapper();

    /** A text leaf: the node's last text again when the characters are the same, else the parser's. */
    private void text(FieldPath at, JsonParser p) throws IOException {
        char[] last = at.lastChars;
        if (last != null) {
            int length = p.getTextLength();
            int from = p.getTextOffset();
            // a text too long for this file's limit must reach getText, which refuses it as the tree reader did
            if (length == last.length
                    && length <= maxString
                    && Arrays.equals(p.getTextCharacters(), from, from + length, last, 0, length)) {
                at.repeats++;
                log(TEXT, at.lastText);
                add(at.path, at.lastText);
                if (at.known >= 0) {
                    known[at.known] = at.lastText;
                }
                return;
            }
        }
        String raw = p.getText();
        String value = leaf(at, TEXT, raw);
        // the same string back from the redactor means it found nothing; a secret-named key's text is never kept
        if (value == raw
                && at.secretKind == null
                && raw.length() <= MAX_KEPT_TEXT
                && (at.changes < 64 || at.repeats >= at.changes)) {
            at.changes++;
            at.lastText = raw;
            at.lastChars = raw.toCharArray();
        } else {
            at.lastChars = null;
        }
    }

    private String leaf(FieldPath at, byte kind, String raw) {
        log(kind, raw);
        String value = value(at.secretKind, raw, kind == TEXT, found);
        add(at.path, value);
        if (at.known >= 0) {
            known[at.known] = value;
        }
        return value;
    }

    /**
     * An empty list is kept as the value {@link #EMPTY_LIST}, so that a rule can tell a list set to nothing
     * ({@code "logExports": []}) from one not given.
     */
    private void emptyList(FieldPath at) {
        add(at.path, EMPTY_LIST);
        if (at.known >= 0) {
            known[at.known] = EMPTY_LIST;
        }
    }

    private void add(String path, String value) {
        if (size == paths.length) {
            paths = Arrays.copyOf(paths, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        paths[size] = path;
        values[size++] = value;
    }

    private void log(byte kind, String text) {
        if (logSize == logKind.length) {
            int n = logSize * 2;
            logKind = Arrays.copyOf(logKind, n);
            logText = Arrays.copyOf(logText, n);
            logEnd = Arrays.copyOf(logEnd, n);
        }
        logKind[logSize] = kind;
        logText[logSize++] = text;
    }

    private void close(int start) {
        logEnd[start] = logSize;
        log(END, null);
    }

    /** The record flattened as the tree has it: a repeated key's last value at its first place. */
    private void flattenFromLog() {
        Map<String, String> out = new LinkedHashMap<>();
        found.clear();
        treeFlatten(0, "", "", out);
        size = 0;
        Arrays.fill(known, null);
        for (Map.Entry<String, String> e : out.entrySet()) {
            add(e.getKey(), e.getValue());
        }
        for (int k = 0; k < KNOWN.length; k++) {
            known[k] = out.get(KNOWN[k]);
        }
    }

    /** The value at log entry {@code i}, whose path is {@code path} and whose last key is {@code key}. */
    private void treeFlatten(int i, String path, String key, Map<String, String> out) {
        switch (logKind[i]) {
            case OBJECT -> {
                Map<String, Integer> members = new LinkedHashMap<>();
                for (int j = i + 1; logKind[j] != END; j = next(j + 1)) {
                    members.put(logText[j], j + 1);
                }
                for (Map.Entry<String, Integer> m : members.entrySet()) {
                    String name = m.getKey();
                    treeFlatten(m.getValue(), path.isEmpty() ? name : path + "." + name, name, out);
                }
            }
            case ARRAY -> {
                int n = 0;
                for (int j = i + 1; logKind[j] != END; j = next(j)) {
                    String index = String.valueOf(n++);
                    if (logKind[j] == OBJECT && logKind[j + 1] == END) {
                        out.put(path + "." + index, EMPTY_ELEMENT);
                    }
                    treeFlatten(j, path + "." + index, index, out);
                }
                if (n == 0) {
                    out.put(path, EMPTY_LIST);
                }
            }
            case NULL -> {}
            default -> out.put(path, value(secretKind(key), logText[i], logKind[i] == TEXT, found));
        }
    }

    /** The log entry after the value at {@code j}. */
    private int next(int j) {
        return logKind[j] == OBJECT || logKind[j] == ARRAY ? logEnd[j] + 1 : j + 1;
    }

    /**
     * A leaf's value as kept: a text under a secret-named key replaced whole (unless empty or already masked), any
     * other text through {@link Redactor}; kinds removed go to {@code found}.
     */
    private static String value(String secretKind, String raw, boolean text, Set<String> found) {
        if (!text) {
            return raw;
        }
        if (secretKind != null && !raw.isEmpty() && !masked(raw)) {
            found.add(secretKind);
            return Redactor.marker(secretKind);
        }
        return redactText(raw, found);
    }

    /**
     * A CloudTrail text through {@link Redactor}. Access key ids stay as they are: the redactor treats them as the
     * identifiers they are ({@code userIdentity.accessKeyId} names the caller, and investigators pivot on it).
     */
    static String redactText(String raw, Set<String> found) {
        return Redactor.redact(raw, found);
    }

    /** Already masked by AWS: a run of asterisks, or its HIDDEN_DUE_TO_SECURITY_REASONS. */
    private static boolean masked(String v) {
        if (v.equals(HIDDEN)) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) != '*') {
                return false;
            }
        }
        return !v.isEmpty();
    }

    /** The redaction kind of a leaf under this key, or {@code null} when the key names no secret. */
    static String secretKind(String key) {
        if (!CloudTrailParser.isSecretKey(key)) {
            return null;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password")
                ? Redactor.PASSWORD
                : lower.contains("token") ? Redactor.SESSION_TOKEN : Redactor.SECRET_ACCESS_KEY;
    }
}
