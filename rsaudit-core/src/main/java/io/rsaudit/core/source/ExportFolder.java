package io.rsaudit.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.parallel.InOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An export folder, as {@code docs/input-layout.md} describes it:
 * {@code <root>/<account>/<region>/<service>/<operation>[/<resource>].json}, with the account-wide call in
 * {@code <root>/<account>/sts/}. Finds account and region folders, reports what does not fit, and finds a call's
 * output: one file, or pages {@code <name>.page-1.json ... <name>.page-N.json} ({@link JsonPages} reads them); a
 * failed call is a {@code <name>.error} file holding what the CLI printed. Locations are paths relative to the root.
 */
public final class ExportFolder implements Export {

    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    private static final ObjectMapper COLLECTION_JSON = new ObjectMapper();
    private static final int MAX_COLLECTION_BYTES = 64 * 1024;
    private static final Set<String> SERVICES = Set.of("redshift", "redshift-serverless", "kms", "cloudtrail", "ec2");

    private final Path root;
    private final Map<String, Path> accountDirs = new HashMap<>();
    private final List<Account> accounts = new ArrayList<>();
    /** The page files of each folder asked about, by call or resource name; empty when it cannot be listed. */
    private final Map<Path, Optional<Map<String, TreeMap<Integer, Path>>>> pageIndexes = new ConcurrentHashMap<>();

    public ExportFolder(Path root) {
        this.root = root;
    }

    /** Reads the folder structure; problems are reported, never thrown (but a missing root is a usage error). */
    @Override
    public List<Account> accounts(Diagnostics diagnostics) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("input " + root + " is not a directory");
        }
        accounts.clear();
        accountDirs.clear();
        Survey layout = new Survey(diagnostics);
        String rootName = root.toAbsolutePath().normalize().getFileName() == null
                ? ""
                : root.toAbsolutePath().normalize().getFileName().toString();
        if (ACCOUNT.matcher(rootName).matches()) {
            take(new Survey(new Diagnostics()).account(rootName, root), diagnostics);
        } else {
            // the account folders surveyed on all cores (each of their files is looked at), their problems reported
            // in the order of a sequential survey
            InOrder.map(
                    layout.list(root),
                    child -> new Survey(new Diagnostics()).entry(child),
                    entry -> take(entry, diagnostics));
        }
        if (accounts.isEmpty()) {
            diagnostics.error(
                    Kind.LAYOUT,
                    ".",
                    "no account folders found in " + root
                            + " (expected <input>/<12-digit account>/<region>/...); nothing was scanned");
        }
        return List.copyOf(accounts);
    }

    /** What the survey of one entry of the root found: an account folder or nothing, and its problems. */
    private record Entry(Account account, Path dir, Diagnostics diagnostics) {}

    private void take(Entry entry, Diagnostics diagnostics) {
        diagnostics.addAll(entry.diagnostics());
        if (entry.account() != null) {
            accounts.add(entry.account());
            accountDirs.put(entry.account().account(), entry.dir());
        }
    }

    /** One reading of (part of) the folder structure, reporting to its diagnostics. */
    private final class Survey {

        private final Diagnostics diagnostics;

        Survey(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        /** One entry of the root: an account folder is surveyed, anything else reported. */
        private Entry entry(Path child) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || link(child)) {
                return new Entry(null, child, diagnostics);
            }
            if (Files.isDirectory(child) && ACCOUNT.matcher(name).matches()) {
                return account(name, child);
            } else if (Files.isDirectory(child) && REGION.matcher(name).matches()) {
                diagnostics.error(
                        Kind.LAYOUT,
                        name + "/",
                        "a region folder at the top level: region folders go"
                                + " inside a 12-digit account folder (<input>/<account>/" + name
                                + "/); its files were not"
                                + " read because they belong to no account");
            } else if (!name.equals("README.md")) {
                diagnostics.error(
                        Kind.LAYOUT,
                        name + (Files.isDirectory(child) ? "/" : ""),
                        "not a 12-digit account folder; ignored");
            }
            return new Entry(null, child, diagnostics);
        }

        private Entry account(String account, Path dir) {
            List<String> regions = new ArrayList<>();
            boolean regionsFailed = false;
            Instant collectedAt = null;
            for (Path child : list(dir)) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || link(child)) {
                    continue;
                }
                if (name.equals(COLLECTION) && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                    collectedAt = collectedAt(child);
                } else if (Files.isDirectory(child) && REGION.matcher(name).matches()) {
                    regions.add(name);
                    checkRegionFolder(child);
                } else if (Files.isDirectory(child) && name.equals("ec2")) {
                    regionsFailed = regionListFailed(child);
                } else if (Files.isDirectory(child) && name.equals("sts")) {
                    checkServiceFolder(child, "sts", false);
                } else {
                    diagnostics.error(
                            Kind.LAYOUT, relative(child), "not a region folder, 'sts' or " + COLLECTION + "; ignored");
                }
            }
            if (regions.isEmpty() && !regionsFailed) {
                diagnostics.error(
                        Kind.NOT_COLLECTED,
                        relative(dir) + "/",
                        "no region folder: nothing of account " + account
                                + " was collected"
                                + (Files.exists(dir.resolve("sts").resolve("get-caller-identity.error"))
                                        ? " (see the error of sts/get-caller-identity)"
                                        : ""));
            }
            String location = relative(dir);
            return new Entry(
                    new Account(account, location.isEmpty() ? "." : location, regions, collectedAt), dir, diagnostics);
        }

        /** The time {@link Export#COLLECTION} records, or {@code null} (reported) when it cannot be read. */
        private Instant collectedAt(Path file) {
            String problem;
            try {
                if (Files.size(file) > MAX_COLLECTION_BYTES) {
                    problem = "larger than " + MAX_COLLECTION_BYTES + " bytes";
                } else {
                    JsonNode at = COLLECTION_JSON.readTree(file.toFile()).path("collectedAt");
                    Instant time = at.isTextual() ? Timestamps.parse(at.asText()) : null;
                    if (time != null) {
                        return time;
                    }
                    problem = "no \"collectedAt\" timestamp (ISO 8601, e.g. \"2026-06-01T12:00:00Z\")";
                }
            } catch (IOException e) {
                problem = "not JSON: " + e.getClass().getSimpleName();
            }
            diagnostics.error(
                    Kind.MALFORMED,
                    relative(file),
                    problem + "; ages are measured without it (from --as-of, another account's recorded time, or the"
                            + " scan's own time)");
            return null;
        }

        /**
         * The account's {@code ec2/} folder holds only {@code describe-regions.error}, left by a collector that could not
         * list the account's regions (so collected none): a collection error quoting it. Returns whether it was there.
         */
        private boolean regionListFailed(Path ec2) {
            Path error = ec2.resolve("describe-regions.error");
            boolean failed = Files.isRegularFile(error, LinkOption.NOFOLLOW_LINKS);
            if (failed) {
                diagnostics.error(
                        Kind.CALL_FAILED,
                        relative(error),
                        "aws ec2 describe-regions failed, so no region of" + " this account was collected: "
                                + firstLine(error));
            }
            for (Path other : list(ec2)) {
                if (!other.getFileName().toString().startsWith(".") && !link(other) && !other.equals(error)) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            relative(other),
                            "only describe-regions.error belongs in an account's"
                                    + " ec2 folder (region files go in <account>/<region>/ec2/); ignored");
                }
            }
            return failed;
        }

        private void checkRegionFolder(Path regionDir) {
            for (Path child : list(regionDir)) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || link(child)) {
                    continue;
                }
                if (Files.isDirectory(child) && SERVICES.contains(name)) {
                    checkServiceFolder(child, name, true);
                } else {
                    diagnostics.error(
                            Kind.LAYOUT,
                            relative(child),
                            "not a service folder (" + String.join(", ", new java.util.TreeSet<>(SERVICES))
                                    + "); ignored");
                }
            }
        }

        /**
         * A service folder holds the files of the service's calls made once per region (or once per account, for
         * {@code sts}): {@code <operation>.json}, its pages or its {@code .error}; and a folder per call made per
         * resource. Anything else is reported.
         */
        private void checkServiceFolder(Path serviceDir, String service, boolean regional) {
            List<String> files = new ArrayList<>();
            List<String> folders = new ArrayList<>();
            for (AwsCliCall call : AwsCliCall.values()) {
                if (call.service().equals(service) && call.regional() == regional) {
                    (call.perResource() == null ? files : folders).add(call.operation());
                }
            }
            for (Path child : list(serviceDir)) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || link(child)) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    if (folders.contains(name)) {
                        checkResourceFolder(child);
                    } else {
                        diagnostics.error(
                                Kind.LAYOUT,
                                relative(child) + "/",
                                "not a folder of this layout (" + service + "/ holds "
                                        + (folders.isEmpty()
                                                ? "no folders"
                                                : "the folders " + String.join(", ", folders))
                                        + "); ignored");
                    }
                } else if (!Files.isRegularFile(child) || files.stream().noneMatch(op -> isCallFile(name, op))) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            relative(child),
                            "not a file of this layout (" + service + "/ holds "
                                    + (files.isEmpty()
                                            ? "no files"
                                            : files.stream()
                                                    .map(op -> op + ".json")
                                                    .collect(Collectors.joining(", ")))
                                    + ", their .page-N.json and .error); ignored");
                }
            }
        }

        /** A folder of per-resource files holds {@code <resource>.json}, its pages or its {@code .error}, nothing else. */
        private void checkResourceFolder(Path dir) {
            for (Path child : list(dir)) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || link(child)) {
                    continue;
                }
                boolean file = Files.isRegularFile(child);
                if (!file || !(name.endsWith(".json") || name.endsWith(".error"))) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            relative(child) + (Files.isDirectory(child) ? "/" : ""),
                            (file ? "not a per-resource file (<resource>.json or <resource>.error)" : "not a file")
                                    + "; ignored");
                }
            }
        }

        /**
         * Whether {@code p} is a symbolic link, reported: links inside the input are not followed, so that an export
         * reads only what lies in its own folder (a link could lead to any file the user can read, and its first
         * line would reach the report as an error).
         */
        private boolean link(Path p) {
            if (!Files.isSymbolicLink(p)) {
                return false;
            }
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException | UnsupportedOperationException e) {
                target = "?";
            }
            diagnostics.error(
                    Kind.LAYOUT,
                    relative(p),
                    "a symbolic link (to " + target + "): links inside the input are not followed; ignored");
            return true;
        }

        private List<Path> list(Path dir) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted().toList();
            } catch (IOException e) {
                diagnostics.error(Kind.MALFORMED, relative(dir), "cannot list folder: " + e.getMessage());
                return List.of();
            }
        }
    }

    /** Whether {@code name} is the output of operation {@code op}: its file, one of its pages, or its error. */
    private static boolean isCallFile(String name, String op) {
        if (name.equals(op + ".json") || name.equals(op + ".error")) {
            return true;
        }
        PageName page = PageName.of(name);
        return page != null && page.base().equals(op);
    }

    String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    @Override
    public CallOutput output(Scope scope, AwsCliCall call, String resource, Diagnostics diagnostics) {
        return readFile(folder(scope, call), resource == null ? call.file() : call.file(resource), diagnostics);
    }

    /** Where a call's file is, or would be, relative to the input root. */
    @Override
    public String location(Scope scope, AwsCliCall call, String resource) {
        Path accountDir = accountDirs.get(scope.account());
        String folder = accountDir == null ? scope.account() : relative(accountDir);
        if (call.regional()) {
            folder = join(folder, scope.region());
        }
        return join(folder, resource == null ? call.file() : call.file(resource));
    }

    private static String join(String folder, String path) {
        return folder.isEmpty() ? path : folder + "/" + path;
    }

    private Path folder(Scope scope, AwsCliCall call) {
        Path accountDir = accountDirs.getOrDefault(scope.account(), root.resolve(scope.account()));
        return call.regional() ? accountDir.resolve(scope.region()) : accountDir;
    }

    private CallOutput readFile(Path folder, String relativeFile, Diagnostics diagnostics) {
        Path single = folder.resolve(relativeFile);
        String base = single.getFileName().toString();
        base = base.substring(0, base.length() - ".json".length());
        Path dir = single.getParent();
        Path error = dir.resolve(base + ".error");
        List<Path> pages = new ArrayList<>();
        Optional<Map<String, TreeMap<Integer, Path>>> index = pageIndex(dir, diagnostics);
        if (index.isEmpty()) {
            return new CallOutput.Missing(
                    CallOutput.Cause.UNREADABLE,
                    relative(single),
                    "unreadable: the folder of " + relative(single)
                            + " cannot be listed or is a symbolic link (see the collection errors)",
                    null);
        }
        boolean gapless = pages(dir, base, index.get(), pages, diagnostics);
        boolean hasSingle = Files.isRegularFile(single, LinkOption.NOFOLLOW_LINKS);
        if (hasSingle && !pages.isEmpty()) {
            diagnostics.error(
                    Kind.LAYOUT,
                    relative(single),
                    "both a single file and .page-N files exist for this" + " call; only the single file was read");
            pages.clear();
            gapless = true;
        }
        boolean hasError = Files.isRegularFile(error, LinkOption.NOFOLLOW_LINKS);
        if (hasError && (hasSingle || !pages.isEmpty())) {
            diagnostics.error(
                    Kind.LAYOUT,
                    relative(error),
                    "an .error file sits beside the call's output; the" + " output was read and the error ignored");
        }
        if (!hasSingle && pages.isEmpty()) {
            if (hasError) {
                return CallOutput.Missing.failed(relative(error), firstLine(error));
            }
            if (Files.isSymbolicLink(single) || Files.isSymbolicLink(error)) {
                return new CallOutput.Missing(
                        CallOutput.Cause.UNREADABLE,
                        relative(single),
                        "unreadable: " + relative(single) + " or its .error is a symbolic link, not followed",
                        null);
            }
            return CallOutput.Missing.notCollected(
                    relative(single), "not collected: " + relative(single) + " is absent");
        }
        List<Path> files = hasSingle ? List.of(single) : pages;
        return new JsonPages(
                files.stream().map(f -> new JsonPages.Page(f, relative(f))).toList(), gapless);
    }

    /** Adds the page files of {@code base} in order; returns false (reported) when one between them is missing. */
    private boolean pages(
            Path dir, String base, Map<String, TreeMap<Integer, Path>> index, List<Path> out, Diagnostics diagnostics) {
        TreeMap<Integer, Path> found = index.getOrDefault(base, new TreeMap<>());
        boolean gapless = true;
        int expected = 1;
        for (Integer n : found.keySet()) {
            if (n != expected) {
                diagnostics.error(
                        Kind.NOT_COLLECTED,
                        relative(dir.resolve(base + ".page-" + expected + ".json")),
                        "page " + expected + " is missing (pages run 1.." + found.lastKey()
                                + "); the resources on it were not judged");
                gapless = false;
                expected = n;
            }
            expected++;
        }
        out.addAll(found.values());
        return gapless;
    }

    /**
     * The page files of a folder by call or resource name, listed once: a folder of per-resource files is asked
     * about each of its files, and listing it every time would cost the square of its size. Empty when the folder
     * cannot be listed (reported once, by the read that first asked), or when it or its service folder is a
     * symbolic link (reported by the survey of the layout: links are not followed).
     */
    private Optional<Map<String, TreeMap<Integer, Path>>> pageIndex(Path dir, Diagnostics diagnostics) {
        return pageIndexes.computeIfAbsent(dir, d -> {
            Map<String, TreeMap<Integer, Path>> index = new HashMap<>();
            if (Files.isSymbolicLink(d) || Files.isSymbolicLink(d.getParent())) {
                return Optional.empty();
            }
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.forEach(p -> {
                        String name = p.getFileName().toString();
                        PageName page = name.contains(".page-") ? PageName.of(name) : null;
                        if (page != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                            index.computeIfAbsent(page.base(), k -> new TreeMap<>())
                                    .put(page.number(), p);
                        }
                    });
                } catch (IOException | java.io.UncheckedIOException e) {
                    diagnostics.error(Kind.MALFORMED, relative(d), "cannot list folder: " + e.getMessage());
                    return Optional.empty();
                }
            }
            return Optional.of(index);
        });
    }

    /**
     * The line of an {@code .error} file that says what failed: the CLI's "An error occurred (...)" line when there
     * is one (a deprecation warning or PowerShell's wrapper can come first), else the first line that mentions an
     * error, else the first line.
     */
    private String firstLine(Path error) {
        try {
            String text = decodeText(Files.readAllBytes(error)).strip();
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            String line = lines.stream()
                    .filter(l -> l.contains("An error occurred"))
                    .findFirst()
                    .or(() -> lines.stream()
                            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("error"))
                            .findFirst())
                    .or(() -> lines.stream().findFirst())
                    .orElse("(the .error file is empty)");
            // an .error file holds what the CLI printed, which can quote a request's parameters: redacted before
            // anything keeps it, then shortened
            line = io.rsaudit.core.redact.Redactor.redact(line);
            return line.length() > 300 ? line.substring(0, 300) + "..." : line;
        } catch (IOException e) {
            return "(cannot read " + relative(error) + ": " + e.getMessage() + ")";
        }
    }

    /**
     * The text of an {@code .error} file: UTF-8, or UTF-16 as Windows PowerShell 5.1 writes with {@code 2>} (with a
     * byte order mark, or without one when the first character is ASCII); a UTF-8 byte order mark is dropped.
     */
    static String decodeText(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
            return new String(b, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && b[0] == 0 && b[1] != 0) {
            return new String(b, StandardCharsets.UTF_16BE);
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
