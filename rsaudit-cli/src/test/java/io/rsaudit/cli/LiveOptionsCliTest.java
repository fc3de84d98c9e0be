package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live options are checked before anything is sent to AWS: every mistake exits 2 with a message naming the
 * option. (None of these runs reaches a network: each fails validation first.)
 */
class LiveOptionsCliTest {

    @TempDir
    Path dir;

    private static void usage(CliRun run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void inputAndLiveOptionsAreMutuallyExclusive() {
        usage(
                CliRun.of("scan", "--input", dir.toString(), "--regions", "eu-west-1", "--profile", "audit"),
                "--input scans an export; --profile, --regions are options of a live scan: give one or the other");
        usage(
                CliRun.of("scan", "--input", dir.toString(), "--endpoint-url", "http://127.0.0.1:1"),
                "--endpoint-url is an option of a live scan");
    }

    @Test
    void badAccountIdsRegionsAndRoleCombinationsAreNamed() {
        usage(
                CliRun.of("scan", "--role-name", "audit", "--accounts", "111111111111,12345"),
                "not a 12-digit AWS account id: '12345'");
        usage(CliRun.of("scan", "--accounts", "111111111111"), "--accounts needs --role-name");
        usage(CliRun.of("scan", "--role-name", "audit"), "--role-name needs the accounts to assume it in");
        usage(
                CliRun.of("scan", "--role-name", "audit", "--org", "--accounts", "111111111111"),
                "--org and --accounts are mutually exclusive");
        usage(
                CliRun.of("export", "--output", dir.resolve("x").toString(), "--regions", "eu-west-1,Europe"),
                "not a region name: 'Europe'");
        usage(CliRun.of("scan", "--external-id", "x"), "--external-id needs --role-name");
        usage(
                CliRun.of("scan", "--concurrency", "0", "--regions", "eu-west-1"),
                "--concurrency must be between 1 and 512");
        usage(
                CliRun.of("scan", "--max-attempts", "0", "--regions", "eu-west-1"),
                "--max-attempts must be between 1 and 20, not 0");
        usage(
                CliRun.of("hunt", "s3://bucket/AWSLogs/", "--max-attempts", "21"),
                "--max-attempts must be between 1 and 20, not 21");
        usage(CliRun.of("scan", "--endpoint-url", "localhost:4566"), "--endpoint-url: expected http(s)://host[:port]");
    }

    @Test
    void exportRefusesANonEmptyFolderUnlessForced() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        usage(
                CliRun.of("export", "--output", dir.toString(), "--regions", "eu-west-1"),
                "is not empty: export into a new folder, or pass --force");
        usage(CliRun.of("export", "--output", dir.resolve("notes.txt").toString()), "is not a folder");
        usage(CliRun.of("export"), "Missing required option: '--output=DIR'");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    }
}
