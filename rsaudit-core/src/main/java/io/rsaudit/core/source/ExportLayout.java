package io.rsaudit.core.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The export directory: {@code <root>/<account>/<region>/<service>/<operation>[/<resource>].json}, with the
 * account-wide call in {@code <root>/<account>/sts/}. Finds account and region folders, reports what does not
 * fit, and reads a call's output: one file, or pages {@code <name>.page-1.json ... <name>.page-N.json}; a
 * failed call is a {@code <name>.error} file holding what the CLI printed.
 */
final class ExportLayout {

    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern PAGE = Pattern.compile("(.+)\\.page-(\\d+)\\.json");
    private static final Set<String> SERVICES = Set.of("redshift", "redshift-serverless", "kms", "cloudtrail", "ec2");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One account folder and the region folders in it. */
    record AccountDir(String account, Path dir, List<String> regions) {}

    private final Path root;
    private final Diagnostics diagnostics;
    private final List<AccountDir> accounts = new ArrayList<>();
    private final Map<Path, Map<String, TreeMap<Integer, Path>>> pageIndexes = new HashMap<>();

    private ExportLayout(Path root, Diagnostics diagnostics) {
        this.root = root;
        this.diagnostics = diagnostics;
    }

    /** Reads the folder structure; problems are reported, never thrown (but a missing root is a usage error). */
    static ExportLayout scan(Path root, Diagnostics diagnostics) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("input " + root + " is not a directory");
        }
        ExportLayout layout = new ExportLayout(root, diagnostics);
        String rootName = root.toAbsolutePath().normalize().getFileName() == null
                ? ""
                : root.toAbsolutePath().normalize().getFileName().toString();
        if (ACCOUNT.matcher(rootName).matches()) {
            layout.readAccount(rootName, root);
        } else {
            for (Path child : layout.list(root)) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && ACCOUNT.matcher(name).matches()) {
                    layout.readAccount(name, child);
                } else if (Files.isDirectory(child) && REGION.matcher(name).matches()) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            name + "/",
                            "a region folder at the top level: region folders go"
                                    + " inside a 12-digit account folder (<input>/<account>/" + name
                                    + "/); its files were not"
                                    + " read because they belong to no account");
                } else if (!name.startsWith(".") && !name.equals("README.md")) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            name + (Files.isDirectory(child) ? "/" : ""),
                            "not a 12-digit account folder; ignored");
                }
            }
        }
        if (layout.accounts.isEmpty()) {
            diagnostics.error(
                    Kind.LAYOUT,
                    ".",
                    "no account folders found in " + root
                            + " (expected <input>/<12-digit account>/<region>/...); nothing was scanned");
        }
        return layout;
    }

    private void readAccount(String account, Path dir) {
        List<String> regions = new ArrayList<>();
        boolean regionsFailed = false;
        for (Path child : list(dir)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child) && REGION.matcher(name).matches()) {
                regions.add(name);
                checkRegionFolder(child);
            } else if (Files.isDirectory(child) && name.equals("ec2")) {
                regionsFailed = regionListFailed(child);
            } else if (!(Files.isDirectory(child) && name.equals("sts")) && !name.startsWith(".")) {
                diagnostics.error(Kind.LAYOUT, relative(child), "not a region folder or 'sts'; ignored");
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
        accounts.add(new AccountDir(account, dir, List.copyOf(regions)));
    }

    /**
     * The account's {@code ec2/} folder holds only {@code describe-regions.error}, left by a collector that could not
     * list the account's regions (so collected none): a collection error quoting it. Returns whether it was there.
     */
    private boolean regionListFailed(Path ec2) {
        Path error = ec2.resolve("describe-regions.error");
        boolean failed = Files.isRegularFile(error);
        if (failed) {
            diagnostics.error(
                    Kind.CALL_FAILED,
                    relative(error),
                    "aws ec2 describe-regions failed, so no region of" + " this account was collected: "
                            + firstLine(error));
        }
        for (Path other : list(ec2)) {
            if (!other.equals(error) && !other.getFileName().toString().startsWith(".")) {
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
            if (!Files.isDirectory(child) || !SERVICES.contains(name)) {
                if (!name.startsWith(".")) {
                    diagnostics.error(
                            Kind.LAYOUT,
                            relative(child),
                            "not a service folder (" + String.join(", ", new java.util.TreeSet<>(SERVICES))
                                    + "); ignored");
                }
            }
        }
    }

    List<AccountDir> accounts() {
        return accounts;
    }

    String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** The output of a call made once per region (or once per account). */
    CallOutput read(Scope scope, AwsCliCall call) {
        return readFile(folder(scope, call), call.file(), call);
    }

    /** The output of a per-resource call. */
    CallOutput read(Scope scope, AwsCliCall call, String resource) {
        return readFile(folder(scope, call), call.file(resource), call);
    }

    /** Where a call's file is expected, relative to the input root, for messages. */
    String expected(Scope scope, AwsCliCall call, String resource) {
        return relative(folder(scope, call).resolve(resource == null ? call.file() : call.file(resource)));
    }

    private Path folder(Scope scope, AwsCliCall call) {
        Path accountDir = accounts.stream()
                .filter(a -> a.account().equals(scope.account()))
                .findFirst()
                .map(AccountDir::dir)
                .orElse(root.resolve(scope.account()));
        return call.regional() ? accountDir.resolve(scope.region()) : accountDir;
    }

    private CallOutput readFile(Path folder, String relativeFile, AwsCliCall call) {
        Path single = folder.resolve(relativeFile);
        String base = single.getFileName().toString();
        base = base.substring(0, base.length() - ".json".length());
        Path dir = single.getParent();
        Path error = dir.resolve(base + ".error");
        List<Path> pages = new ArrayList<>();
        boolean gapless = pages(dir, base, pages);
        boolean hasSingle = Files.isRegularFile(single);
        if (hasSingle && !pages.isEmpty()) {
            diagnostics.error(
                    Kind.LAYOUT,
                    relative(single),
                    "both a single file and .page-N files exist for this" + " call; only the single file was read");
            pages.clear();
            gapless = true;
        }
        if (Files.exists(error) && (hasSingle || !pages.isEmpty())) {
            diagnostics.error(
                    Kind.LAYOUT,
                    relative(error),
                    "an .error file sits beside the call's output; the" + " output was read and the error ignored");
        }
        if (!hasSingle && pages.isEmpty()) {
            if (Files.isRegularFile(error)) {
                String what = firstLine(error);
                diagnostics.error(Kind.CALL_FAILED, relative(error), call.cli() + " failed: " + what);
                return new CallOutput.Missing("collection failed (" + relative(error) + "): " + what);
            }
            return new CallOutput.Missing("not collected: " + relative(single) + " is absent");
        }
        List<Path> files = hasSingle ? List.of(single) : pages;
        return new CallOutput.Pages(
                files.stream().map(f -> new CallOutput.Page(f, relative(f))).toList(), gapless);
    }

    /**
     * Checks that the last page does not announce another one. Returns false (and reports it) when it does: the
     * resources on the pages that were not collected went unseen.
     */
    boolean pageChainComplete(CallOutput.Page last, JsonNode members, AwsCliCall call) {
        JsonNode token = call.pageToken() == null || members == null ? null : members.get(call.pageToken());
        if (token == null || token.isNull() || token.asText().isEmpty()) {
            return true;
        }
        diagnostics.error(
                Kind.NOT_COLLECTED,
                last.location() + "#/" + call.pageToken(),
                "the last page says more follow (" + call.pageToken() + " is set) but no further page was"
                        + " collected: the resources on later pages were not judged (re-run the collector, or"
                        + " add " + nextPageName(last.location()) + ")");
        return false;
    }

    private static String nextPageName(String location) {
        Matcher m = PAGE.matcher(location);
        if (m.matches()) {
            return m.group(1) + ".page-" + (Integer.parseInt(m.group(2)) + 1) + ".json";
        }
        return location.replace(".json", ".page-2.json") + " (after renaming this file .page-1.json)";
    }

    /** Adds the page files of {@code base} in order; returns false (reported) when one between them is missing. */
    private boolean pages(Path dir, String base, List<Path> out) {
        Map<String, TreeMap<Integer, Path>> index = pageIndex(dir);
        if (index == null) {
            return false;
        }
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
     * about each of its files, and listing it every time would cost the square of its size. {@code null} when the
     * folder cannot be listed (reported once).
     */
    private Map<String, TreeMap<Integer, Path>> pageIndex(Path dir) {
        if (pageIndexes.containsKey(dir)) {
            return pageIndexes.get(dir);
        }
        Map<String, TreeMap<Integer, Path>> index = new HashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> {
                    Matcher m = PAGE.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        index.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), p);
                    }
                });
            } catch (IOException e) {
                diagnostics.error(Kind.MALFORMED, relative(dir), "cannot list folder: " + e.getMessage());
                pageIndexes.put(dir, null);
                return null;
            }
        }
        pageIndexes.put(dir, index);
        return index;
    }

    /** The page as one document, or {@code null} (reported) when it is not a readable JSON object. */
    JsonNode parse(CallOutput.Page page) {
        String where = page.location();
        try (InputStream in = Files.newInputStream(page.file());
                JsonParser parser = JSON.createParser(in)) {
            if (!startsObject(parser, where)) {
                return null;
            }
            JsonNode doc = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                trailing(where, parser);
                return null;
            }
            return doc;
        } catch (IOException e) {
            report(where, e, 0);
            return null;
        }
    }

    /**
     * The members of a page other than the list one, each element of {@code listMember} going to {@code element}
     * as soon as it is parsed, so that memory does not grow with the file.
     *
     * @param members the members other than the list, or {@code null} when the page could not be read at all
     * @param listSeen whether the list member was there and was a list
     * @param complete false when the page broke off (truncated, malformed, trailing content): the elements handed
     *     out before the break were read, the rest were not; the problem is reported
     */
    record Streamed(ObjectNode members, boolean listSeen, boolean complete) {}

    Streamed stream(CallOutput.Page page, String listMember, ObjIntConsumer<JsonNode> element) {
        String where = page.location();
        ObjectNode members = JSON.createObjectNode();
        boolean listSeen = false;
        int read = 0;
        try (InputStream in = Files.newInputStream(page.file());
                JsonParser parser = JSON.createParser(in)) {
            if (!startsObject(parser, where)) {
                return new Streamed(null, false, false);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals(listMember)) {
                    listSeen = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        element.accept(JSON.readTree(parser), read++);
                    }
                } else {
                    members.set(name, JSON.readTree(parser));
                }
            }
            boolean ended = parser.nextToken() == null;
            if (!ended) {
                trailing(where, parser);
            }
            return new Streamed(members, listSeen, ended);
        } catch (IOException e) {
            report(where, e, read);
            return new Streamed(members, listSeen, false);
        }
    }

    private boolean startsObject(JsonParser parser, String where) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_OBJECT) {
            return true;
        }
        diagnostics.error(
                Kind.MALFORMED,
                where + (first == null ? "" : "#"),
                first == null
                        ? "empty file; expected the JSON the AWS CLI prints"
                        : "expected a JSON object at the top level, found " + Node.describe(JSON.readTree(parser)));
        return false;
    }

    private void trailing(String where, JsonParser parser) {
        diagnostics.error(
                Kind.MALFORMED,
                where + at(parser.currentTokenLocation()),
                "malformed JSON: more content"
                        + " after the end of the document (two outputs in one file?); what follows was not read");
    }

    private void report(String where, IOException e, int elementsRead) {
        String read =
                elementsRead == 0 ? "" : "; the " + elementsRead + " element(s) before it were read, the rest not";
        if (e instanceof JsonEOFException eof) {
            diagnostics.error(
                    Kind.MALFORMED,
                    where + at(eof.getLocation()),
                    "unexpected end of input: the file is truncated (" + plain(eof.getOriginalMessage()) + ")" + read);
        } else if (e instanceof StreamConstraintsException big) {
            diagnostics.error(
                    Kind.MALFORMED, where, "too large to be AWS CLI output: " + big.getOriginalMessage() + read);
        } else if (e instanceof JsonProcessingException bad) {
            diagnostics.error(
                    Kind.MALFORMED,
                    where + at(bad.getLocation()),
                    "malformed JSON: " + plain(bad.getOriginalMessage()) + read);
        } else {
            diagnostics.error(Kind.MALFORMED, where, "cannot read: " + e + read);
        }
    }

    /** Jackson's message without its source description, which names no file and only adds noise. */
    private static String plain(String message) {
        return message.replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
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

    private List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            diagnostics.error(Kind.MALFORMED, relative(dir), "cannot list folder: " + e.getMessage());
            return List.of();
        }
    }
}
