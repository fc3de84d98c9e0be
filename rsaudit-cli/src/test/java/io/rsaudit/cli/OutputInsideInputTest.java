package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 #10: --output never overwrites what the run reads, unless --force. */
class OutputInsideInputTest {

    @TempDir
    Path dir;

    @Test
    void anOutputEqualToALogFileOrInsideTheLogFolderIsRefused() throws Exception {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Path log = logs.resolve("123456789012_redshift_eu-west-1_prod-dw_useractivitylog_2024-05-01T10:00");
        String record = "'2024-05-01T10:00:01Z UTC [ db=dev user=awsuser pid=1 userid=1 xid=2 ]' LOG: select 1;\n";
        Files.writeString(log, record);

        CliRun same = CliRun.of("hunt", log.toString(), "--output", log.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("is the input", "--force");
        assertThat(Files.readString(log)).isEqualTo(record);

        CliRun inside = CliRun.of(
                "hunt", logs.toString(), "--output", logs.resolve("report.txt").toString());
        assertThat(inside.code()).isEqualTo(2);
        assertThat(inside.err()).contains("is inside the input");
        assertThat(logs.resolve("report.txt")).doesNotExist();

        CliRun forced = CliRun.of(
                "hunt", logs.toString(), "--output", logs.resolve("report.txt").toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isNotEqualTo(2);
        assertThat(logs.resolve("report.txt")).exists();

        CliRun elsewhere = CliRun.of(
                "hunt", logs.toString(), "--output", dir.resolve("report.txt").toString());
        assertThat(elsewhere.code()).as(elsewhere.err()).isNotEqualTo(2);
    }
}
