package io.rsaudit.core.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in compliance frameworks, read once from {@code frameworks/*.yaml} beside this class, and the compliance
 * ids of each check: {@code <framework>:<requirement>}, such as {@code fsbp:Redshift.1} or {@code pci-4.0.1:1.4.4}.
 */
public final class Frameworks {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final class BuiltIn {
        static final Frameworks INSTANCE = readBuiltIn();
    }

    private final Map<String, Framework> byId;
    private final Map<String, List<String>> idsByCheck;

    public Frameworks(List<Framework> frameworks) {
        Map<String, Framework> map = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Framework f : frameworks) {
            if (map.put(f.id(), f) != null) {
                throw new IllegalStateException("two frameworks have the id " + f.id());
            }
            for (Requirement r : f.requirements()) {
                for (String check : r.checks()) {
                    ids.computeIfAbsent(check, c -> new ArrayList<>()).add(f.id() + ":" + r.id());
                }
            }
        }
        this.byId = map;
        ids.replaceAll((k, v) -> List.copyOf(v));
        this.idsByCheck = ids;
    }

    /** Every framework rsaudit ships, in the order of {@code frameworks/index.txt}. */
    public static Frameworks builtIn() {
        return BuiltIn.INSTANCE;
    }

    public List<Framework> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Framework> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of every framework, comma-separated, for messages. */
    public String names() {
        return String.join(", ", byId.keySet());
    }

    /** The compliance ids {@code checkId} answers ({@code fsbp:Redshift.1}...), frameworks in order; maybe none. */
    public List<String> idsOf(String checkId) {
        return idsByCheck.getOrDefault(checkId, List.of());
    }

    // The file's shape: records, so that Jackson rejects an unknown field and names its line.
    record FrameworkFile(
            String id,
            String name,
            String version,
            String source,
            List<RequirementEntry> requirements,
            Map<String, String> unmapped) {}

    record RequirementEntry(String id, String title, List<String> checks, String manual) {}

    /**
     * Reads one framework file; a failure names the file, and the requirement and field that are wrong.
     *
     * @param file the name used in messages
     */
    public static Framework parse(String file, String yaml) {
        FrameworkFile ff;
        try {
            ff = YAML.readValue(yaml, FrameworkFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalStateException(
                    file + ": unknown field '" + e.getPropertyName() + "' in " + path(e) + location(e));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + ": " + e.getOriginalMessage() + location(e));
        }
        if (ff == null) {
            throw new IllegalStateException(file + ": empty");
        }
        require(file, "id", ff.id());
        if (!ID.matcher(ff.id()).matches()) {
            throw new IllegalStateException(
                    file + ": id '" + ff.id() + "' must be lower case letters, digits, '.', '-'");
        }
        require(file, "name", ff.name());
        require(file, "version", ff.version());
        require(file, "source", ff.source());
        if (ff.requirements() == null || ff.requirements().isEmpty()) {
            throw new IllegalStateException(file + ": 'requirements' is missing or empty");
        }
        List<Requirement> requirements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (RequirementEntry r : ff.requirements()) {
            String where = file + ": requirements[" + index++ + "]";
            if (r == null) {
                throw new IllegalStateException(where + " is empty");
            }
            require(where, "id", r.id());
            require(where + " (" + r.id() + ")", "title", r.title());
            if (!seen.add(r.id())) {
                throw new IllegalStateException(where + ": requirement " + r.id() + " appears twice");
            }
            boolean noChecks = r.checks() == null || r.checks().isEmpty();
            if (noChecks && (r.manual() == null || r.manual().isBlank())) {
                throw new IllegalStateException(
                        where + " (" + r.id() + "): needs 'checks' or 'manual' saying why no check answers it");
            }
            requirements.add(new Requirement(r.id(), r.title().strip(), r.checks(), blankToNull(r.manual())));
        }
        return new Framework(ff.id(), ff.name(), ff.version(), ff.source(), requirements, ff.unmapped());
    }

    private static Frameworks readBuiltIn() {
        List<Framework> frameworks = new ArrayList<>();
        for (String line : resource("frameworks/index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                frameworks.add(parse("frameworks/" + name, resource("frameworks/" + name)));
            }
        }
        return new Frameworks(frameworks);
    }

    private static String resource(String name) {
        try (InputStream in = Frameworks.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + Frameworks.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    private static void require(String where, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(where + ": '" + field + "' is missing or empty");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where the unknown field sits, as {@code requirements[0]}: the path without the field itself. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference r : refs.subList(0, Math.max(0, refs.size() - 1))) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return b.length() == 0 ? "the file" : b.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
