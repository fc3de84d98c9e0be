package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.source.AwsCliCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The export folder the simulator serves: its accounts (12-digit folders), their regions (region folders) and the
 * output of each call, read once and kept. A call's output is one file, or pages joined as the offline source
 * joins them, or the error its {@code .error} file describes, or absent.
 */
final class ExportEstate {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the export holds for a call. */
    sealed interface Output {}

    record Found(ObjectNode json) implements Output {}

    record Failed(String text, String file) implements Output {}

    record Absent() implements Output {}

    private final Path root;
    private final Map<String, List<String>> regions = new TreeMap<>();
    private final Map<Path, Output> cache = new ConcurrentHashMap<>();

    ExportEstate(Path root) throws IOException {
        this.root = root;
        try (Stream<Path> accounts = Files.list(root)) {
            for (Path a : accounts.sorted().toList()) {
                String name = a.getFileName().toString();
                if (!Files.isDirectory(a) || !ACCOUNT.matcher(name).matches()) {
                    continue;
                }
                try (Stream<Path> rs = Files.list(a)) {
                    regions.put(
                            name,
                            rs.filter(Files::isDirectory)
                                    .map(r -> r.getFileName().toString())
                                    .filter(r -> REGION.matcher(r).matches())
                                    .sorted()
                                    .toList());
                }
            }
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException(root + " holds no account folder (12 digits)");
        }
    }

    /** The accounts, in order. */
    List<String> accounts() {
        return List.copyOf(regions.keySet());
    }

    /** The account's region folders; empty for an account the export does not hold. */
    List<String> regions(String account) {
        return regions.getOrDefault(account, List.of());
    }

    /** Every region any account holds. */
    List<String> allRegions() {
        return regions.values().stream()
                .flatMap(List::stream)
                .distinct()
                .sorted()
                .toList();
    }

    /** The output of a region's call, or of a per-resource call when {@code resource} is not null. */
    Output read(String account, String region, AwsCliCall call, String resource) {
        Path dir = root.resolve(account).resolve(region);
        String file = resource == null ? call.file() : call.file(resource);
        Path base = dir.resolve(file.substring(0, file.length() - ".json".length()));
        return cache.computeIfAbsent(base, b -> load(b, call));
    }

    /**
     * Replaces what the export holds for a call (a write call's effect on a file the export lacks); the folder on
     * disk is not touched.
     */
    void put(String account, String region, AwsCliCall call, String resource, ObjectNode json) {
        Path dir = root.resolve(account).resolve(region);
        String file = resource == null ? call.file() : call.file(resource);
        cache.put(dir.resolve(file.substring(0, file.length() - ".json".length())), new Found(json));
    }

    private Output load(Path base, AwsCliCall call) {
        try {
            Path single = base.resolveSibling(base.getFileName() + ".json");
            if (Files.isRegularFile(single)) {
                return new Found(object(single));
            }
            Path first = page(base, 1);
            if (Files.isRegularFile(first) && call.listMember() != null) {
                ObjectNode joined = object(first);
                ArrayNode all = JSON.createArrayNode();
                for (int n = 1; Files.isRegularFile(page(base, n)); n++) {
                    JsonNode list = (n == 1 ? joined : object(page(base, n))).get(call.listMember());
                    if (list != null && list.isArray()) {
                        all.addAll((ArrayNode) list);
                    }
                }
                joined.set(call.listMember(), all);
                if (call.pageToken() != null) {
                    joined.remove(call.pageToken());
                }
                if (call.truncated() != null) {
                    joined.remove(call.truncated());
                }
                return new Found(joined);
            }
            Path error = base.resolveSibling(base.getFileName() + ".error");
            if (Files.isRegularFile(error)) {
                return new Failed(errorText(error), root.relativize(error).toString());
            }
            return new Absent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path page(Path base, int n) {
        return base.resolveSibling(base.getFileName() + ".page-" + n + ".json");
    }

    private ObjectNode object(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (node == null || !node.isObject()) {
            throw new IOException(root.relativize(file) + " does not hold a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The CLI's stderr as saved: UTF-8, or UTF-16 with a byte order mark (Windows PowerShell 5.1). */
    private static String errorText(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A copy of the list that may be changed. */
    static List<JsonNode> items(ObjectNode json, String member) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode list = json.get(member);
        if (list != null && list.isArray()) {
            list.forEach(out::add);
        }
        return out;
    }
}
