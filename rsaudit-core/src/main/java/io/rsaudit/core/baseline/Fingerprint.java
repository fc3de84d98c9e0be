package io.rsaudit.core.baseline;

import io.rsaudit.core.check.Finding;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A result's stable id: the first 32 hex digits of the SHA-256 of what makes it the same result in another run. A
 * finding is its check, account, region and resource ARN (not its outcome: a fail that passes later keeps its
 * fingerprint). An alert is its rule, account, region, summary (secrets removed, as reports print it: one event can
 * alert twice for two reasons) and evidence records, each named by its file's last path segment, line and index (so
 * the same logs read from another folder give the same fingerprint).
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(Finding f) {
        return ofFinding(
                f.check().id(),
                f.resource().scope().account(),
                f.resource().scope().region(),
                f.resource().arn());
    }

    /** The fingerprint of a finding given by its parts, as a previous JSON report has them. */
    public static String ofFinding(String check, String account, String region, String arn) {
        return hash("finding", check, account, region, arn);
    }

    public static String of(Alert a) {
        List<String> evidence = new ArrayList<>();
        for (Event e : a.evidence()) {
            evidence.add(record(e.origin().file(), e.origin().line(), e.origin().index()));
        }
        String summary = Redactor.redact(a.summary());
        return ofAlert(a.ruleId(), a.account(), a.region(), summary, evidence);
    }

    /**
     * The fingerprint of an alert given by its parts, as a previous JSON report has them; {@code summary} with
     * secrets removed, {@code evidence} as {@link #record} makes each.
     */
    public static String ofAlert(String rule, String account, String region, String summary, List<String> evidence) {
        List<String> parts = new ArrayList<>(List.of("alert", nn(rule), nn(account), nn(region), nn(summary)));
        parts.addAll(evidence);
        return hash(parts.toArray(String[]::new));
    }

    /** One evidence record as an alert's fingerprint names it: its file's last segment, line and index. */
    public static String record(String file, long line, long index) {
        String f = file == null ? "" : file.replace('\\', '/');
        return f.substring(f.lastIndexOf('/') + 1) + ":" + line + ":" + index;
    }

    private static String hash(String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String p : parts) {
            sha.update(nn(p).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
