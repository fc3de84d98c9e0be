package io.rsaudit.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rsaudit.core.model.Cidr;
import io.rsaudit.core.model.Durations;
import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates a policy file; see {@code docs/policy.md} for the format. */
public final class PolicyLoader {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** An AWS Organizations id, as Organizations writes it. */
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Set<String> checkIds;
    private final Set<String> ruleIds;

    /**
     * A loader for scan: the hunt section's rule ids are not checked (a hunt may add rules of its own).
     *
     * @param checkIds the ids of the catalog, so that overrides and suppressions naming no check are caught
     */
    public PolicyLoader(Set<String> checkIds) {
        this.checkIds = Set.copyOf(checkIds);
        this.ruleIds = null;
    }

    /** A loader for hunt: {@code hunt.thresholds} and {@code hunt.levels} must name one of {@code ruleIds}. */
    public PolicyLoader(Set<String> checkIds, Set<String> ruleIds) {
        this.checkIds = Set.copyOf(checkIds);
        this.ruleIds = Set.copyOf(ruleIds);
    }

    // The file's shape. Records, so that Jackson rejects unknown fields and reports their line.
    record PolicyFile(
            Integer version,
            List<String> trustedAccounts,
            List<String> trustedOrganizations,
            Backups backups,
            Encryption encryption,
            DataResidency dataResidency,
            Map<String, String> severity,
            List<SuppressionEntry> suppressions,
            Hunt hunt,
            List<String> requiredTagKeys) {}

    record Hunt(
            List<String> allowedCidrs,
            List<String> allowedBuckets,
            List<String> auditLogBuckets,
            List<String> adminUsers,
            Map<String, Integer> thresholds,
            Map<String, String> levels,
            Map<String, String> learning,
            Map<String, String> windows) {}

    record Backups(Integer minAutomatedRetentionDays, Integer maxManualRetentionDays) {}

    record Encryption(Boolean requireCustomerManagedKeys, Boolean requireFips, Integer maxKeyRotationAgeDays) {}

    record DataResidency(
            List<String> restrictedJurisdictions, List<RouteEntry> allowedRoutes, Map<String, String> regions) {}

    record RouteEntry(
            @JsonProperty("from") String from,
            @JsonProperty("to") String to) {}

    record SuppressionEntry(String check, String resource, String reason, String expires) {}

    public Policy load(Path file) throws PolicyException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new PolicyException(name, List.of("no such file"));
        }
        PolicyFile raw;
        BindingProblems binding = new BindingProblems(file, PolicyFile.class);
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            raw = parser.nextToken() == null
                    ? null
                    : YAML.readerFor(PolicyFile.class).withHandler(binding).readValue(parser);
        } catch (JsonProcessingException e) {
            StreamReadException syntax = syntaxError(e);
            if (syntax != null) {
                throw new PolicyException(
                        name,
                        List.of(at(syntax) + "not valid YAML: "
                                + syntax.getOriginalMessage()
                                        .lines()
                                        .findFirst()
                                        .orElse("")));
            }
            String why = e instanceof JsonMappingException m ? "wrong type at " + path(m) + ": " : "";
            throw new PolicyException(
                    name, List.of(at(e) + why + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")));
        } catch (IOException e) {
            throw new PolicyException(name, List.of("cannot read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>(binding.problems());
        if (raw == null) {
            if (!problems.isEmpty()) {
                throw new PolicyException(name, problems);
            }
            return withSource(Policy.defaults(), name);
        }
        Policy policy = validate(raw, name, problems, file);
        if (!problems.isEmpty()) {
            throw new PolicyException(name, problems);
        }
        return policy;
    }

    private Policy validate(PolicyFile f, String name, List<String> problems, Path file) {
        Policy d = Policy.defaults();
        if (f.version() != null && f.version() != 1) {
            problems.add("version: " + f.version() + " is not supported (this rsaudit reads version 1)");
        }
        Set<String> trusted = ids(
                f.trustedAccounts(),
                ACCOUNT,
                "trustedAccounts",
                "is not a 12-digit account id (quote it in YAML so that leading zeros survive)",
                problems);
        Set<String> organizations = ids(
                f.trustedOrganizations(),
                ORGANIZATION,
                "trustedOrganizations",
                "is not an AWS Organizations id (o- and 10 to 32 lower-case letters or digits)",
                problems);
        int minAutomated = d.minAutomatedRetentionDays();
        Integer maxManual = null;
        if (f.backups() != null) {
            Integer min = f.backups().minAutomatedRetentionDays();
            if (min != null) {
                if (min < 1 || min > 35) {
                    problems.add(
                            "backups.minAutomatedRetentionDays: " + min + " is outside 1..35 (the range AWS allows)");
                }
                minAutomated = min;
            }
            maxManual = f.backups().maxManualRetentionDays();
            if (maxManual != null && (maxManual < 1 || maxManual > 3653)) {
                problems.add(
                        "backups.maxManualRetentionDays: " + maxManual + " is outside 1..3653 (the range AWS allows)");
            }
        }
        boolean requireCmk = d.requireCustomerManagedKeys();
        boolean requireFips = d.requireFips();
        int maxRotationDays = d.maxKeyRotationAgeDays();
        if (f.encryption() != null) {
            if (f.encryption().requireCustomerManagedKeys() != null) {
                requireCmk = f.encryption().requireCustomerManagedKeys();
            }
            if (f.encryption().requireFips() != null) {
                requireFips = f.encryption().requireFips();
            }
            Integer maxRotation = f.encryption().maxKeyRotationAgeDays();
            if (maxRotation != null) {
                if (maxRotation < 1 || maxRotation > 3653) {
                    problems.add("encryption.maxKeyRotationAgeDays: " + maxRotation + " is outside 1..3653");
                }
                maxRotationDays = maxRotation;
            }
        }
        Residency residency = residency(f.dataResidency(), problems);
        Map<String, Severity> overrides = new LinkedHashMap<>();
        if (f.severity() != null) {
            f.severity().forEach((id, sev) -> {
                if (!checkIds.contains(id)) {
                    problems.add("severity." + id + ": no check has this id (see 'rsaudit checks list')");
                }
                try {
                    overrides.put(id, Severity.parse(String.valueOf(sev)));
                } catch (IllegalArgumentException e) {
                    problems.add("severity." + id + ": " + e.getMessage());
                }
            });
        }
        List<Suppression> suppressions = new ArrayList<>();
        List<SuppressionEntry> entries = f.suppressions() == null ? List.of() : f.suppressions();
        for (int i = 0; i < entries.size(); i++) {
            Suppression s = suppression(entries.get(i), "suppressions[" + i + "]", name, problems);
            if (s != null) {
                suppressions.add(s);
            }
        }
        return new Policy(
                name,
                trusted,
                organizations,
                residency,
                minAutomated,
                maxManual,
                requireCmk,
                requireFips,
                overrides,
                suppressions,
                hunt(f.hunt(), problems, file),
                requiredTagKeys(f.requiredTagKeys(), problems),
                maxRotationDays);
    }

    /** The ids of list {@code name} that have the form {@code form}; each other one is a problem: "name[i]: 'x' why". */
    private static Set<String> ids(List<String> given, Pattern form, String name, String why, List<String> problems) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i);
            if (id == null || !form.matcher(id).matches()) {
                problems.add(name + "[" + i + "]: '" + id + "' " + why);
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Tag keys as AWS accepts them: 1 to 128 characters, not starting with the reserved {@code aws:}. */
    private static List<String> requiredTagKeys(List<String> keys, List<String> problems) {
        List<String> out = new ArrayList<>();
        List<String> given = keys == null ? List.of() : keys;
        for (int i = 0; i < given.size(); i++) {
            String k = given.get(i);
            if (k == null || k.isEmpty() || k.length() > 128) {
                problems.add("requiredTagKeys[" + i + "]: a tag key has 1 to 128 characters");
            } else if (k.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                problems.add("requiredTagKeys[" + i + "]: '" + k + "' starts with aws:, which AWS reserves for its own"
                        + " tags");
            } else if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static Residency residency(DataResidency r, List<String> problems) {
        Residency d = Residency.defaults();
        if (r == null) {
            return d;
        }
        Map<String, String> jurisdictions = new HashMap<>(d.jurisdictions());
        if (r.regions() != null) {
            r.regions().forEach((region, j) -> {
                if (!REGION.matcher(region).matches()) {
                    problems.add("dataResidency.regions." + region + ": not a region name like eu-west-1");
                } else if (j == null || j.isBlank()) {
                    problems.add("dataResidency.regions." + region + ": needs a jurisdiction such as EEA or US");
                } else {
                    jurisdictions.put(region, j);
                }
            });
        }
        Set<String> known = new LinkedHashSet<>(jurisdictions.values());
        Set<String> restricted = d.restricted();
        if (r.restrictedJurisdictions() != null) {
            restricted = new LinkedHashSet<>();
            for (String j : r.restrictedJurisdictions()) {
                if (!known.contains(j)) {
                    problems.add("dataResidency.restrictedJurisdictions: '" + j + "' is no region's jurisdiction"
                            + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
                restricted.add(j);
            }
        }
        List<Residency.Route> routes = new ArrayList<>();
        List<RouteEntry> entries = r.allowedRoutes() == null ? List.of() : r.allowedRoutes();
        for (int i = 0; i < entries.size(); i++) {
            RouteEntry e = entries.get(i);
            String where = "dataResidency.allowedRoutes[" + i + "]";
            boolean ok = true;
            for (String end : new String[] {e.from(), e.to()}) {
                if (end == null || !(jurisdictions.containsKey(end) || known.contains(end))) {
                    problems.add(where + ": '" + end + "' is neither a known region nor a jurisdiction");
                    ok = false;
                }
            }
            if (ok) {
                routes.add(new Residency.Route(e.from(), e.to()));
            }
        }
        return new Residency(jurisdictions, restricted, routes);
    }

    private HuntPolicy hunt(Hunt h, List<String> problems, Path file) {
        HuntPolicy d = HuntPolicy.defaults();
        if (h == null) {
            return d;
        }
        List<Cidr> cidrs = new ArrayList<>();
        List<String> networks = h.allowedCidrs() == null ? List.of() : h.allowedCidrs();
        for (int i = 0; i < networks.size(); i++) {
            try {
                cidrs.add(Cidr.parse(networks.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add("hunt.allowedCidrs[" + i + "]: " + e.getMessage());
            }
        }
        Set<String> allowed = buckets("hunt.allowedBuckets", h.allowedBuckets(), problems);
        Set<String> logBuckets = buckets("hunt.auditLogBuckets", h.auditLogBuckets(), problems);
        Set<String> admins = d.adminUsers();
        if (h.adminUsers() != null) {
            admins = new LinkedHashSet<>();
            for (int i = 0; i < h.adminUsers().size(); i++) {
                String u = h.adminUsers().get(i);
                if (u == null || u.isBlank()) {
                    problems.add("hunt.adminUsers[" + i + "]: empty user name");
                } else {
                    admins.add(u.trim());
                }
            }
        }
        Map<String, Integer> thresholds = new LinkedHashMap<>();
        if (h.thresholds() != null) {
            h.thresholds().forEach((rule, n) -> {
                if (!ruleNamed("thresholds", rule, file, problems)) {
                    return;
                }
                if (n == null || n < 1) {
                    problems.add(lineOf(file, List.of("hunt", "thresholds", rule), "") + "hunt.thresholds." + rule
                            + ": " + n + " is not a count of 1 or more");
                } else {
                    thresholds.put(rule, n);
                }
            });
        }
        Map<String, Severity> levels = new LinkedHashMap<>();
        if (h.levels() != null) {
            h.levels().forEach((rule, level) -> {
                if (!ruleNamed("levels", rule, file, problems)) {
                    return;
                }
                try {
                    levels.put(rule, Severity.parse(String.valueOf(level)));
                } catch (IllegalArgumentException e) {
                    problems.add(lineOf(file, List.of("hunt", "levels", rule), "") + "hunt.levels." + rule + ": "
                            + e.getMessage());
                }
            });
        }
        Map<String, Duration> learning = durations("learning", h.learning(), problems, file);
        Map<String, Duration> windows = durations("windows", h.windows(), problems, file);
        return new HuntPolicy(cidrs, allowed, logBuckets, admins, thresholds, levels, learning, windows);
    }

    /** {@code hunt.<map>}: rule id to a duration ({@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}). */
    private Map<String, Duration> durations(String map, Map<String, String> given, List<String> problems, Path file) {
        Map<String, Duration> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        given.forEach((rule, text) -> {
            if (!ruleNamed(map, rule, file, problems)) {
                return;
            }
            try {
                out.put(rule, Durations.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(lineOf(file, List.of("hunt", map, rule), "") + "hunt." + map + "." + rule + ": "
                        + e.getMessage());
            }
        });
        return out;
    }

    /** Whether a key of {@code hunt.<map>} names a rule; when the loader knows the rules and it does not, a problem. */
    private boolean ruleNamed(String map, String rule, Path file, List<String> problems) {
        if (ruleIds == null || ruleIds.contains(rule)) {
            return true;
        }
        problems.add(lineOf(file, List.of("hunt", map, rule), "") + "hunt." + map + "." + rule
                + ": no rule has this id (see 'rsaudit hunt --list-rules')");
        return false;
    }

    /** Bucket names as S3 spells them; an {@code s3://} URL or a path is a mistake worth naming. */
    private static Set<String> buckets(String where, List<String> names, List<String> problems) {
        Set<String> out = new LinkedHashSet<>();
        List<String> list = names == null ? List.of() : names;
        for (int i = 0; i < list.size(); i++) {
            String b = list.get(i);
            if (b == null || !BUCKET.matcher(b).matches()) {
                problems.add(where + "[" + i + "]: '" + b + "' is not a bucket name (3-63 of a-z 0-9 . -;"
                        + " no s3:// and no key prefix)");
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private Suppression suppression(SuppressionEntry e, String where, String file, List<String> problems) {
        int before = problems.size();
        if (e.check() == null || !checkIds.contains(e.check())) {
            problems.add(where + ".check: '" + e.check() + "' is not a check id (see 'rsaudit checks list')");
        }
        if (e.resource() == null || e.resource().isBlank()) {
            problems.add(where + ".resource: required (an ARN or name; * and ? match any text and one character)");
        }
        if (e.reason() == null || e.reason().isBlank()) {
            problems.add(where + ".reason: required: say why the risk is accepted, and who accepted it");
        }
        LocalDate expires = null;
        if (e.expires() == null) {
            problems.add(where + ".expires: required (YYYY-MM-DD): a suppression that never expires is never reviewed");
        } else {
            try {
                expires = LocalDate.parse(e.expires());
            } catch (DateTimeParseException x) {
                problems.add(where + ".expires: '" + e.expires() + "' is not a date (YYYY-MM-DD)");
            }
        }
        return problems.size() > before
                ? null
                : new Suppression(e.check(), e.resource(), e.reason(), expires, file + " " + where);
    }

    private static Policy withSource(Policy p, String source) {
        return new Policy(
                source,
                p.trustedAccounts(),
                p.trustedOrganizations(),
                p.residency(),
                p.minAutomatedRetentionDays(),
                p.maxManualRetentionDays(),
                p.requireCustomerManagedKeys(),
                p.requireFips(),
                p.severityOverrides(),
                p.suppressions(),
                p.hunt(),
                p.requiredTagKeys(),
                p.maxKeyRotationAgeDays());
    }

    /** Where the problem is: the start of the offending token when the parser knows it. */
    private static String at(JsonProcessingException e) {
        JsonLocation l = e.getProcessor() instanceof JsonParser p && p.currentTokenLocation() != null
                ? p.currentTokenLocation()
                : e.getLocation();
        return l == null || l.getLineNr() < 0 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }

    /**
     * The line of a nested key ({@code hunt}, then {@code levels}, then the rule id), each searched from its
     * parent's line on; flow maps ({@code levels: {RSH-AUTH-001: low}}) are found too. Empty when not found.
     */
    private static String lineOf(Path file, List<String> keys, String fallback) {
        try {
            List<String> lines = Files.readAllLines(file);
            int at = 0;
            for (String key : keys) {
                Pattern keyText = Pattern.compile("(^|[\\s{,])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
                while (at < lines.size()
                        && !keyText.matcher(lines.get(at).replaceAll("#.*", "")).find()) {
                    at++;
                }
            }
            return at < lines.size() ? "line " + (at + 1) + ": " : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }

    /**
     * The line that names a field: where Jackson stopped reading (past the value, or nowhere for a record bound
     * through a buffer) points a person at the wrong line; the key's own line is what they need.
     */
    static String lineOf(Path file, String key, String fallback) {
        Pattern keyLine = Pattern.compile("^\\s*(-\\s+)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (keyLine.matcher(lines.get(i)).find()) {
                    return "line " + (i + 1) + ": ";
                }
            }
        } catch (IOException e) {
            // fall back to Jackson's location
        }
        return fallback;
    }

    /** The YAML syntax error behind a databind exception, if that is what it is. */
    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s && !(t instanceof JsonMappingException)) {
                return s;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        String p = b.toString();
        return p.isEmpty() ? "the top level" : p;
    }
}
