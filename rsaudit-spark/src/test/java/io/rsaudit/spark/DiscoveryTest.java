package io.rsaudit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.read.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the driver finds, and which folders it lists to find them. */
class DiscoveryTest {

    private static final String RS = "AWSLogs/111111111111/redshift/eu-west-1/";
    private static final String CT = "AWSLogs/111111111111/CloudTrail/eu-west-1/";

    /** The local store, recording every folder listed. */
    static final class Recording extends Store {
        final Store local = Store.of("/", new Configuration(false));
        final List<String> listed = new ArrayList<>();

        @Override
        boolean hadoop() {
            return false;
        }

        @Override
        Entry stat(String path) throws IOException {
            return local.stat(path);
        }

        @Override
        List<Entry> list(String dir) throws IOException {
            listed.add(dir);
            return local.list(dir);
        }

        @Override
        String child(String dir, String name) {
            return local.child(dir, name);
        }

        @Override
        InputStream open(String path) throws IOException {
            return local.open(path);
        }

        @Override
        OutputStream create(String path) throws IOException {
            return local.create(path);
        }

        @Override
        void deleteTree(String dir) throws IOException {
            local.deleteTree(dir);
        }
    }

    private static void touch(Path root, String rel) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    private static JobOptions options(
            Path root, Instant since, Instant until, Set<String> accounts, Set<String> regions) {
        return new JobOptions(
                List.of(root.toString()),
                root.resolve("out").toString(),
                null,
                since,
                until,
                accounts,
                regions,
                Set.of(),
                false,
                ReadOptions.DEFAULT_MAX_RECORD_BYTES,
                RuleSet.Spec.builtIn(),
                1,
                1,
                false,
                null);
    }

    private static List<String> names(Path root, Discovery.Found f) {
        return f.files().stream()
                .map(r -> root.relativize(Path.of(r.name())).toString())
                .toList();
    }

    @Test
    void aWindowNamesItsDayFoldersAndListsNoOther(@TempDir Path root) throws IOException {
        for (String day : List.of("2025/12/31", "2026/11/01", "2026/11/02", "2026/11/03", "2026/11/04", "2026/11/06")) {
            touch(root, RS + day + "/a.gz");
            touch(root, CT + day + "/b.json.gz");
        }
        Recording store = new Recording();
        Discovery.Found f = Discovery.find(
                options(
                        root,
                        Instant.parse("2026-11-03T00:00:00Z"),
                        Instant.parse("2026-11-03T12:00:00Z"),
                        Set.of(),
                        Set.of()),
                x -> store);

        // the window's day, and a day either side
        assertThat(names(root, f))
                .containsExactly(
                        CT + "2026/11/02/b.json.gz",
                        CT + "2026/11/03/b.json.gz",
                        CT + "2026/11/04/b.json.gz",
                        RS + "2026/11/02/a.gz",
                        RS + "2026/11/03/a.gz",
                        RS + "2026/11/04/a.gz");
        // no year or month folder was listed, nor any day outside the window
        assertThat(store.listed)
                .noneMatch(d -> d.endsWith("eu-west-1") || d.endsWith("/2026") || d.endsWith("/11"))
                .noneMatch(d -> d.endsWith("/01") || d.endsWith("/06") || d.contains("2025"));
    }

    @Test
    void oneBoundListsDateFoldersAndEntersOnlyThoseInside(@TempDir Path root) throws IOException {
        for (String day : List.of("2025/12/31", "2026/11/01", "2026/11/05")) {
            touch(root, RS + day + "/a.gz");
        }
        Recording store = new Recording();
        Discovery.Found f = Discovery.find(
                options(root, Instant.parse("2026-11-03T00:00:00Z"), null, Set.of(), Set.of()), x -> store);
        assertThat(names(root, f)).containsExactly(RS + "2026/11/05/a.gz");
        assertThat(store.listed).noneMatch(d -> d.contains("2025") || d.endsWith("/01"));
        // the year 2025 and the 1st of November, each counted once, as the S3 listing counts them
        assertThat(f.foldersLeftOut()).isEqualTo(Map.of("since", 2L));
    }

    @Test
    void accountsAndRegionsOutsideTheFiltersAreNotEntered(@TempDir Path root) throws IOException {
        touch(root, RS + "2026/11/01/a.gz");
        touch(root, "AWSLogs/222222222222/redshift/eu-west-1/2026/11/01/a.gz");
        touch(root, "AWSLogs/111111111111/redshift/us-east-1/2026/11/01/a.gz");
        touch(root, "AWSLogs/111111111111/redshift/.hidden");
        // a log-archive bucket: CloudTrail's digests and AWS Config's files beside the logs
        touch(root, "AWSLogs/111111111111/CloudTrail-Digest/eu-west-1/2026/11/01/d.json.gz");
        touch(root, "AWSLogs/111111111111/Config/eu-west-1/2026/11/1/ConfigHistory/c.json.gz");
        touch(root, "AWSLogs/111111111111/CloudTrail-Insight/eu-west-1/2026/11/01/i.json.gz");
        Recording store = new Recording();
        Discovery.Found f =
                Discovery.find(options(root, null, null, Set.of("111111111111"), Set.of("eu-west-1")), x -> store);
        assertThat(names(root, f))
                .containsExactly(
                        "AWSLogs/111111111111/CloudTrail-Insight/eu-west-1/2026/11/01/i.json.gz",
                        RS + "2026/11/01/a.gz");
        assertThat(f.foldersLeftOut())
                .containsEntry("account", 1L)
                .containsEntry("region", 1L)
                .containsEntry("cloudtrail-digest", 1L)
                .containsEntry("other-service", 1L);
        assertThat(f.filesLeftOut()).isEqualTo(Map.of("hidden", 1L));
        assertThat(store.listed)
                .noneMatch(d -> d.contains("222222222222")
                        || d.contains("us-east-1")
                        || d.contains("Digest")
                        || d.contains("Config"));
    }

    @Test
    void aMissingInputIsAProblemNamingIt(@TempDir Path root) {
        Discovery.Found f =
                Discovery.find(options(root.resolve("nope"), null, null, Set.of(), Set.of()), x -> new Recording());
        assertThat(f.files()).isEmpty();
        assertThat(f.problems()).singleElement().asString().contains("nope").contains("no such file");
    }
}
