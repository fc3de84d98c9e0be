package io.rsaudit.core.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line of each JSON pointer of a file, from an index that keeps hashes, not pointers. */
class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    void eachValueObjectAndArrayIsFoundOnItsLine() throws Exception {
        Path file = dir.resolve("describe-clusters.json");
        Files.writeString(file, """
                {
                    "Clusters": [
                        {
                            "ClusterIdentifier": "a",
                            "VpcSecurityGroups": [
                                {"VpcSecurityGroupId": "sg-1"}
                            ]
                        },
                        {
                            "ClusterIdentifier": "b"
                        }
                    ]
                }
                """);
        JsonLines lines = new JsonLines();
        assertThat(lines.lineOf(file, "/Clusters")).hasValue(2);
        assertThat(lines.lineOf(file, "/Clusters/0")).hasValue(3);
        assertThat(lines.lineOf(file, "/Clusters/0/ClusterIdentifier")).hasValue(4);
        assertThat(lines.lineOf(file, "/Clusters/0/VpcSecurityGroups/0/VpcSecurityGroupId"))
                .hasValue(6);
        assertThat(lines.lineOf(file, "/Clusters/1/ClusterIdentifier")).hasValue(10);
        assertThat(lines.lineOf(file, "/Clusters/2")).isEmpty();
        assertThat(lines.lineOf(file, "/Snapshots")).isEmpty();
    }

    @Test
    void aLargeFileKeepsEveryLineAndAnUnreadableOneHasNone() throws Exception {
        StringBuilder json = new StringBuilder("{\"Snapshots\": [\n");
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            json.append("{\"SnapshotIdentifier\": \"s").append(i).append("\"}").append(i + 1 < n ? ",\n" : "\n");
        }
        json.append("]}\n");
        Path file = dir.resolve("describe-cluster-snapshots.json");
        Files.writeString(file, json);
        JsonLines lines = new JsonLines();
        for (int i = 0; i < n; i += 997) {
            assertThat(lines.lineOf(file, "/Snapshots/" + i + "/SnapshotIdentifier"))
                    .as("snapshot %d", i)
                    .hasValue(i + 2);
        }
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"Snapshots\": [");
        assertThat(lines.lineOf(broken, "/Snapshots")).isEqualTo(OptionalInt.of(1));
        assertThat(lines.lineOf(dir.resolve("absent.json"), "/Snapshots")).isEmpty();
    }

    @Test
    void theTableKeepsTheFirstLineOfAHashAndTellsAbsentHashesApart() {
        JsonLines.Table table = new JsonLines.Table();
        long spread = 0x9E3779B97F4A7C15L;
        for (long h = -500; h < 500; h++) {
            table.putIfAbsent(h * spread, (int) h + 1000);
        }
        table.putIfAbsent(7 * spread, 1);
        assertThat(table.lineOf(7 * spread)).hasValue(1007);
        assertThat(table.lineOf(-500 * spread)).hasValue(500);
        assertThat(table.lineOf(0)).as("0 is stored as 1").hasValue(1000);
        assertThat(table.lineOf(12345)).isEmpty();
        assertThat(JsonLines.hash("/Clusters/0")).isNotEqualTo(JsonLines.hash("/Clusters/1"));
    }
}
