package io.rsaudit.core.policy;

import io.rsaudit.core.model.ResourceId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An accepted risk: findings of one check on resources matching a pattern are suppressed until the expiry date
 * (inclusive). After that it stops suppressing and the report says so.
 *
 * @param resource a glob ({@code *} any text, {@code ?} one character) matched against the ARN and the name
 * @param where where it is written, for messages: {@code policy.yaml suppressions[2]}
 */
public record Suppression(String check, String resource, String reason, LocalDate expires, String where) {

    public Suppression {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }

    public boolean matches(String checkId, ResourceId id) {
        if (!check.equals(checkId)) {
            return false;
        }
        Pattern p = glob(resource);
        return p.matcher(id.arn()).matches() || p.matcher(id.name()).matches();
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
