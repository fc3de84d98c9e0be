package io.rsaudit.core.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
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
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One account folder and the region folders in it. */
    record AccountDir(String account, Path dir, List<String> regions) {
    }

    private final Path root;
    private final Diagnostics diagnostics;
    private final List<AccountDir> accounts = new ArrayList<>();

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
        String rootName = root.toAbsolutePath().normalize().getFileName() == null ? ""
                : root.toAbsolutePath().normalize().getFileName().toString();
        if (ACCOUNT.matcher(rootName).matches()) {
            layout.readAccount(rootName, root);
        } else {
            for (Path child : layout.list(root)) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && ACCOUNT.matcher(name).matches()) {
                    layout.readAccount(name, child);
                } else if (Files.isDirectory(child) && REGION.matcher(name).matches()) {
                    diagnostics.error(Kind.LAYOUT, name + "/", "a region folder at the top level: region folders go"
                            + " inside a 12-digit account folder (<input>/<account>/" + name + "/); its files were not"
                            + " read because they belong to no account");
                } else if (!name.startsWith(".") && !name.equals("README.md")) {
                    diagnostics.error(Kind.LAYOUT, name + (Files.isDirectory(child) ? "/" : ""),
                            "not a 12-digit account folder; ignored");
                }
            }
        }
        if (layout.accounts.isEmpty()) {
            diagnostics.error(Kind.LAYOUT, ".", "no account folders found in " + root
                    + " (expected <input>/<12-digit account>/<region>/...); nothing was scanned");
        }
        return layout;
    }

    private void readAccount(String account, Path dir) {
        List<String> regions = new ArrayList<>();
        for (Path child : list(dir)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child) && REGION.matcher(name).matches()) {
                regions.add(name);
                checkRegionFolder(child);
            } else if (!(Files.isDirectory(child) && name.equals("sts")) && !name.startsWith(".")) {
                diagnostics.error(Kind.LAYOUT, relative(child), "not a region folder or 'sts'; ignored");
            }
        }
        accounts.add(new AccountDir(account, dir, List.copyOf(regions)));
    }

    private void checkRegionFolder(Path regionDir) {
        for (Path child : list(regionDir)) {
            String name = child.getFileName().toString();
            if (!Files.isDirectory(child) || !SERVICES.contains(name)) {
                if (!name.startsWith(".")) {
                    diagnostics.error(Kind.LAYOUT, relative(child), "not a service folder (" + String.join(", ",
                            new java.util.TreeSet<>(SERVICES)) + "); ignored");
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
        Path accountDir = accounts.stream().filter(a -> a.account().equals(scope.account())).findFirst()
                .map(AccountDir::dir).orElse(root.resolve(scope.account()));
        return call.regional() ? accountDir.resolve(scope.region()) : accountDir;
    }

    private CallOutput readFile(Path folder, String relativeFile, AwsCliCall call) {
        Path single = folder.resolve(relativeFile);
        String base = single.getFileName().toString();
        base = base.substring(0, base.length() - ".json".length());
        Path dir = single.getParent();
        Path error = dir.resolve(base + ".error");
        List<Path> pages = pages(dir, base);
        boolean hasSingle = Files.isRegularFile(single);
        if (hasSingle && !pages.isEmpty()) {
            diagnostics.error(Kind.LAYOUT, relative(single), "both a single file and .page-N files exist for this"
                    + " call; only the single file was read");
            pages = List.of();
        }
        if (Files.exists(error) && (hasSingle || !pages.isEmpty())) {
            diagnostics.error(Kind.LAYOUT, relative(error), "an .error file sits beside the call's output; the"
                    + " output was read and the error ignored");
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
        List<CallOutput.Page> out = new ArrayList<>(files.size());
        for (Path file : files) {
            JsonNode doc = parse(file);
            if (doc == null) {
                if (files.size() == 1) {
                    return new CallOutput.Missing("unreadable: " + relative(file) + " (see the collection errors)");
                }
                continue;
            }
            out.add(new CallOutput.Page(doc, relative(file)));
        }
        if (out.isEmpty()) {
            return new CallOutput.Missing("unreadable: every page of " + relative(single) + " (see the collection errors)");
        }
        checkPageChain(out, call);
        return new CallOutput.Pages(out);
    }

    /** A page that carries a continuation token must be followed by another page; otherwise data is missing. */
    private void checkPageChain(List<CallOutput.Page> pages, AwsCliCall call) {
        if (call.pageToken() == null) {
            return;
        }
        CallOutput.Page last = pages.get(pages.size() - 1);
        JsonNode token = last.json().get(call.pageToken());
        if (token != null && !token.isNull() && !token.asText().isEmpty()) {
            diagnostics.error(Kind.NOT_COLLECTED, last.location() + "#/" + call.pageToken(),
                    "the last page says more follow (" + call.pageToken() + " is set) but no further page was"
                            + " collected: the resources on later pages were not judged (re-run the collector, or"
                            + " add " + nextPageName(last.location()) + ")");
        }
    }

    private static String nextPageName(String location) {
        Matcher m = PAGE.matcher(location);
        if (m.matches()) {
            return m.group(1) + ".page-" + (Integer.parseInt(m.group(2)) + 1) + ".json";
        }
        return location.replace(".json", ".page-2.json") + " (after renaming this file .page-1.json)";
    }

    private List<Path> pages(Path dir, String base) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeMap<Integer, Path> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                Matcher m = PAGE.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(base)) {
                    found.put(Integer.parseInt(m.group(2)), p);
                }
            });
        } catch (IOException e) {
            diagnostics.error(Kind.MALFORMED, relative(dir), "cannot list folder: " + e.getMessage());
            return List.of();
        }
        int expected = 1;
        for (Integer n : found.keySet()) {
            if (n != expected) {
                diagnostics.error(Kind.NOT_COLLECTED, relative(dir.resolve(base + ".page-" + expected + ".json")),
                        "page " + expected + " is missing (pages run 1.." + found.lastKey()
                                + "); the resources on it were not judged");
                expected = n;
            }
            expected++;
        }
        return List.copyOf(found.values());
    }

    private JsonNode parse(Path file) {
        String where = relative(file);
        try {
            if (Files.size(file) == 0) {
                diagnostics.error(Kind.MALFORMED, where, "empty file; expected the JSON the AWS CLI prints");
                return null;
            }
            JsonNode doc = JSON.readTree(file.toFile());
            if (doc == null || !doc.isObject()) {
                diagnostics.error(Kind.MALFORMED, where + "#", "expected a JSON object at the top level, found "
                        + (doc == null ? "nothing" : Node.describe(doc)));
                return null;
            }
            return doc;
        } catch (JsonEOFException e) {
            diagnostics.error(Kind.MALFORMED, where + at(e.getLocation()),
                    "unexpected end of input: the file is truncated (" + plain(e.getOriginalMessage()) + ")");
        } catch (StreamConstraintsException e) {
            diagnostics.error(Kind.MALFORMED, where, "too large to be AWS CLI output: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            diagnostics.error(Kind.MALFORMED, where + at(e.getLocation()), "malformed JSON: " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            diagnostics.error(Kind.MALFORMED, where, "cannot read: " + e);
        }
        return null;
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
            String line = lines.stream().filter(l -> l.contains("An error occurred")).findFirst()
                    .or(() -> lines.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("error")).findFirst())
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
