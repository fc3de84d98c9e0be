package io.rsaudit.fix.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.model.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link Facts} from an export folder ({@code <dir>/<account>/<region>/redshift/...}, as {@code rsaudit export}
 * writes it): the groups of {@code describe-cluster-parameter-groups.json} and the clusters of {@code
 * describe-clusters.json} (or their pages), and the logging status files. A file that is missing or unreadable gives
 * no fact. An export holds no resource policy (the scan does not read them), so a remedy that rewrites one is
 * planned from the live accounts only.
 */
public final class ExportFacts implements Facts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;

    public ExportFacts(Path root) {
        this.root = root;
    }

    @Override
    public Optional<String> parameterGroupFamily(Scope scope, String groupName) {
        return find(scope, "describe-cluster-parameter-groups", "ParameterGroups", "ParameterGroupName", groupName)
                .map(g -> g.path("ParameterGroupFamily"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    @Override
    public Optional<String> maintenanceWindow(Scope scope, String clusterIdentifier) {
        return find(scope, "describe-clusters", "Clusters", "ClusterIdentifier", clusterIdentifier)
                .map(c -> c.path("PreferredMaintenanceWindow"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    @Override
    public Optional<String> snapshotPolicy(Scope scope, String snapshotArn) {
        return Optional.empty();
    }

    /** The element of a list file (or its pages: {@code NAME.page-N.json}) whose {@code key} is {@code value}. */
    private Optional<JsonNode> find(Scope scope, String name, String list, String key, String value) {
        Path dir = root.resolve(scope.account())
                .resolve(String.valueOf(scope.region()))
                .resolve("redshift");
        for (int page = 0; page < 1000; page++) {
            Path file = dir.resolve(page == 0 ? name + ".json" : name + ".page-" + page + ".json");
            if (!Files.isRegularFile(file)) {
                if (page == 0) {
                    continue;
                }
                break;
            }
            for (JsonNode x : read(file).path(list)) {
                if (value.equals(x.path(key).asText())) {
                    return Optional.of(x);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> s3KeyPrefix(Scope scope, String clusterIdentifier) {
        Path file = root.resolve(scope.account())
                .resolve(String.valueOf(scope.region()))
                .resolve("redshift")
                .resolve("describe-logging-status")
                .resolve(clusterIdentifier + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode prefix = read(file).path("S3KeyPrefix");
        return Optional.of(prefix.isTextual() ? prefix.asText() : "");
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
