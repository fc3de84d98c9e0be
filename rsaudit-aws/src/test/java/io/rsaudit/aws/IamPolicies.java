package io.rsaudit.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The actions the published IAM policies grant: docs/iam-policy.json (the scanned role) and the caller's. */
final class IamPolicies {

    static final Path SCAN = Path.of("..", "docs", "iam-policy.json");
    static final Path CALLER = Path.of("..", "docs", "iam-policy-caller.json");

    private IamPolicies() {
    }

    static Set<String> actions(Path policy) throws IOException {
        Set<String> granted = new TreeSet<>();
        for (JsonNode statement : new ObjectMapper().readTree(policy.toFile()).path("Statement")) {
            JsonNode action = statement.path("Action");
            if (action.isTextual()) {
                granted.add(action.asText());
            } else {
                action.forEach(a -> granted.add(a.asText()));
            }
        }
        return granted;
    }
}
