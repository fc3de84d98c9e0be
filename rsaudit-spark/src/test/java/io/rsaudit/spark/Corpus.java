package io.rsaudit.spark;

import io.rsaudit.testkit.logs.LogGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A generated corpus in the delivery layout (the test kit's {@link LogGenerator}, attacks injected into the first
 * hour of {@code prod-dw}) whose attack hour is then dealt out, record by record, into {@code ways} files per log
 * type: consecutive records of one attack (ten failed logins, a login then reconnaissance) land in different files,
 * which different read tasks read, so every aggregation and sequence alert needs records of several files.
 */
final class Corpus {

    private Corpus() {}

    static LogGenerator.Result generate(Path out, long bytes, int recordsPerFile, int ways) throws IOException {
        LogGenerator.Result r = plain(out, bytes, recordsPerFile);
        List<Path> attackFiles;
        try (Stream<Path> s = Files.walk(out)) {
            attackFiles = s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.contains("_prod-dw_")
                                && n.contains("T08:00")
                                && (n.contains("_connectionlog_") || n.contains("_useractivitylog_"));
                    })
                    .toList();
        }
        for (Path f : attackFiles) {
            deal(f, ways);
        }
        return r;
    }

    /** The test kit's corpus as generated (no manifest). */
    static LogGenerator.Result plain(Path out, long bytes, int recordsPerFile) throws IOException {
        LogGenerator.Result r = new LogGenerator(new LogGenerator.Spec(
                        bytes, true, 42, Instant.parse("2024-03-04T08:00:00Z"), 2, recordsPerFile))
                .generate(out);
        Files.delete(r.manifest());
        return r;
    }

    /**
     * Cuts the attack hour's connection and activity files of {@code prod-dw} at the time of the middle failed login
     * of the brute force: records before it stay in the {@code T08:00} file, the rest go to a {@code T08:30} file,
     * as a later delivery would hold them. Returns the later files.
     */
    static List<Path> cutAtBruteForce(Path out) throws IOException {
        List<Path> attack;
        try (Stream<Path> s = Files.walk(out)) {
            attack = s.filter(p ->
                            p.getFileName().toString().matches(".*_prod-dw_(connectionlog|useractivitylog)_.*T08:00.*"))
                    .sorted()
                    .toList();
        }
        List<String> failures = new ArrayList<>();
        for (Path f : attack) {
            if (f.getFileName().toString().contains("_connectionlog_")) {
                for (List<String> r : records(f)) {
                    if (r.get(0).startsWith("authentication failure")) {
                        failures.add(r.get(0));
                    }
                }
            }
        }
        Instant cut = time(failures.get(failures.size() / 2));
        List<Path> later = new ArrayList<>();
        for (Path f : attack) {
            List<List<String>> records = records(f);
            Path next = f.resolveSibling(f.getFileName().toString().replace("T08:00", "T08:30"));
            write(f, records.stream().filter(r -> time(r.get(0)).isBefore(cut)).toList());
            write(
                    next,
                    records.stream().filter(r -> !time(r.get(0)).isBefore(cut)).toList());
            later.add(next);
        }
        return later;
    }

    private static final java.time.format.DateTimeFormatter CONNECTION_TIME =
            java.time.format.DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss:SSS", java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC);

    /** A record's time: the connection log's second field, or the activity log's header. */
    static Instant time(String first) {
        if (first.startsWith("'")) {
            return Instant.parse(first.substring(1, first.indexOf(' ')));
        }
        return Instant.from(CONNECTION_TIME.parse(first.split("\\|")[1].trim()));
    }

    private static List<List<String>> records(Path file) throws IOException {
        boolean activity = file.getFileName().toString().contains("_useractivitylog_");
        List<List<String>> records = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (records.isEmpty() || !activity || line.startsWith("'")) {
                    records.add(new ArrayList<>());
                }
                records.get(records.size() - 1).add(line);
            }
        }
        return records;
    }

    private static void write(Path file, List<List<String>> records) throws IOException {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file));
                Writer out = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            for (List<String> rec : records) {
                for (String l : rec) {
                    out.write(l);
                    out.write('\n');
                }
            }
        }
    }

    /** Deals the file's records round-robin into {@code ways} files, named minutes apart, in place of it. */
    static void deal(Path file, int ways) throws IOException {
        List<List<String>> records = records(file);
        Files.delete(file);
        String name = file.getFileName().toString();
        for (int w = 0; w < ways; w++) {
            String minute = String.format(java.util.Locale.ROOT, "T08:%02d", w * 60 / ways);
            Path part = file.resolveSibling(name.replace("T08:00", minute));
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(part));
                    Writer out = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                for (int i = w; i < records.size(); i += ways) {
                    for (String l : records.get(i)) {
                        out.write(l);
                        out.write('\n');
                    }
                }
            }
        }
    }
}
