package io.rsaudit.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rsaudit.core.catalog.CheckCatalog;
import io.rsaudit.core.check.Result;
import io.rsaudit.core.policy.Policy;
import io.rsaudit.core.policy.PolicyException;
import io.rsaudit.core.policy.PolicyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * One check fixture: a small exported estate plus what the check must say of one resource in it.
 *
 * <p>The file is named by its expectation ({@code pass-...}, {@code fail-...}, {@code unknown-...},
 * {@code na-...}) and holds:
 *
 * <pre>
 * {
 *   "description": "what situation this is",
 *   "now": "2026-06-01T00:00:00Z",           optional: the time of the run
 *   "policy": { ... },                       optional: a policy, read by the real PolicyLoader
 *   "expect": {
 *     "resource": "name or ARN",             optional when the estate has one resource of the check's type
 *     "field": "file#/json/pointer",         the evidence; required for fail and unknown
 *     "message": "text the message contains" optional
 *   },
 *   "files": { "111111111111/eu-west-1/redshift/describe-clusters.json": { ...as the AWS CLI prints it... },
 *              "111111111111/eu-west-1/redshift/describe-logging-status/c1.error": "AccessDenied ..." },
 *   "cloudtrail": { "trail/a.json": { "Records": [ ... ] } }   optional: CloudTrail log files, as scan --cloudtrail
 *                                                              reads them
 * }
 * </pre>
 */
public record Fixture(
        String name,
        Result expected,
        String description,
        Instant now,
        JsonNode policy,
        String resource,
        String field,
        String message,
        JsonNode files,
        JsonNode cloudtrail) {

    public static final Instant DEFAULT_NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Fixture read(String name, byte[] content) {
        Result expected = expectation(name);
        try {
            JsonNode root = JSON.readTree(content);
            JsonNode expect = root.path("expect");
            Iterator<String> keys = root.fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                if (!java.util.Set.of("description", "now", "policy", "expect", "files", "cloudtrail")
                        .contains(k)) {
                    throw new IllegalArgumentException(name + ": unknown fixture field '" + k + "'");
                }
            }
            if (!root.path("files").isObject()) {
                throw new IllegalArgumentException(name + ": needs a \"files\" object");
            }
            if ((expected == Result.FAIL || expected == Result.UNKNOWN) && !expect.hasNonNull("field")) {
                throw new IllegalArgumentException(name + ": a " + expected + " fixture must name expect.field");
            }
            return new Fixture(
                    name,
                    expected,
                    root.path("description").asText(null),
                    root.hasNonNull("now") ? Instant.parse(root.get("now").asText()) : DEFAULT_NOW,
                    root.get("policy"),
                    expect.path("resource").asText(null),
                    expect.path("field").asText(null),
                    expect.path("message").asText(null),
                    root.get("files"),
                    root.get("cloudtrail"));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": not valid JSON", e);
        }
    }

    static Result expectation(String name) {
        if (name.startsWith("pass-")) {
            return Result.PASS;
        }
        if (name.startsWith("fail-")) {
            return Result.FAIL;
        }
        if (name.startsWith("unknown-")) {
            return Result.UNKNOWN;
        }
        if (name.startsWith("na-")) {
            return Result.NOT_APPLICABLE;
        }
        throw new IllegalArgumentException(name + ": a fixture's name starts with pass-, fail-, unknown- or na-");
    }

    /** Writes the estate below {@code dir}: JSON documents as JSON, strings as text (for .error files). */
    public Path writeEstate(Path dir) throws IOException {
        Path estate = Files.createDirectories(dir.resolve("estate"));
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = estate.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            if (e.getValue().isTextual()) {
                Files.writeString(file, e.getValue().textValue(), StandardCharsets.UTF_8);
            } else {
                JSON.writeValue(file.toFile(), e.getValue());
            }
        }
        return estate;
    }

    /** Writes the CloudTrail files below {@code dir}; {@code null} when the fixture has none. */
    public Path writeCloudTrail(Path dir) throws IOException {
        if (cloudtrail == null) {
            return null;
        }
        Path root = Files.createDirectories(dir.resolve("cloudtrail"));
        for (Iterator<Map.Entry<String, JsonNode>> it = cloudtrail.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), e.getValue());
        }
        return root;
    }

    /** The fixture's policy read through the real loader, or the defaults. */
    public Policy policy(Path dir, CheckCatalog catalog) throws IOException, PolicyException {
        if (policy == null) {
            return Policy.defaults();
        }
        Path file = dir.resolve("policy.yaml");
        JSON.writeValue(file.toFile(), policy);
        return new PolicyLoader(catalog.ids()).load(file);
    }
}
