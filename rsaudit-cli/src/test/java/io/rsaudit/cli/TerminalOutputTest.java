package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 #6: names and SQL from input cannot drive the terminal or forge report lines in text output. */
class TerminalOutputTest {

    @TempDir
    Path dir;

    @Test
    void aClusterNameWithEscapesAndBidiIsShownEscaped() {
        Estate e = Estate.in(dir.resolve("estate"))
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/a'}");
        for (AwsCliCall call : AwsCliCall.values()) {
            if (call.regional() && call.perResource() == null) {
                e.json(ScanCommandTest.R + call.file(), "{'" + call.listMember() + "': []}");
            }
        }
        e.json(
                ScanCommandTest.R + "redshift/describe-clusters.json",
                "{'Clusters': [{'ClusterIdentifier': 'c1\\u001b[2J\\nPASS forged\\u202e\\u0007', 'Encrypted': false,"
                        + " 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]}]}");
        CliRun run = CliRun.of("scan", "--input", e.root().toString(), "--fail-on", "none");
        assertThat(run.out()).doesNotContain("\u001b", "\u202e", "\u0007", "\nPASS forged");
        assertThat(run.out()).contains("c1\\x1b[2J\\x0aPASS forged\\u202e\\x07");
    }

    @Test
    void sqlWithEscapesIsShownEscapedInTheHuntReport() throws Exception {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Files.writeString(
                logs.resolve("123456789012_redshift_eu-west-1_prod-dw_useractivitylog_2024-05-01T10:00"),
                "'2024-05-01T10:00:01Z UTC [ db=dev user=awsuser pid=1 userid=1 xid=2 ]' LOG: create user"
                        + " \"x\u001b[31m\u202e\" password 'Hunter2xSecret';\n");
        CliRun run = CliRun.of("hunt", logs.toString());
        assertThat(run.out()).doesNotContain("\u001b", "\u202e", "Hunter2xSecret");
        assertThat(run.out()).contains("\\x1b[31m\\u202e");
    }

    /** Messages on stderr quote arguments and input: escaped line by line, as reports are. */
    @Test
    void errorMessagesOnStderrAreEscaped() {
        CliRun badOption = CliRun.of("hunt", HuntCommandTest.CORPUS, "--\u001b[2J\u202e");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).doesNotContain("\u001b", "\u202e").contains("--\\x1b[2J\\u202e");
        CliRun badTime = CliRun.of("hunt", HuntCommandTest.CORPUS, "--since", "yesterday\u001b]0;owned\u0007");
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).doesNotContain("\u001b", "\u0007").contains("\\x1b]0;owned\\x07");
    }
}
