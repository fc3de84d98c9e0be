package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 #3: the text of {@code .error} files and excerpts of wrong-type values reach scan reports redacted, in
 * every format; the wrong-type message keeps the type and a short excerpt.
 */
class SecretsInExportTest {

    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String PASSWORD = "Hunter2xSecret";
    private static final String TOKEN = "FQoGZXIvYXdzEJrTokenValue123";

    @TempDir
    Path dir;

    private Estate estate() {
        Estate e = Estate.in(dir.resolve("estate"))
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '111111111111', 'Arn': 'arn:aws:iam::111111111111:user/a'}");
        AwsCliCall failed = null;
        for (AwsCliCall call : AwsCliCall.values()) {
            if (call.regional() && call.perResource() == null) {
                if (failed == null && !call.file().contains("describe-clusters")) {
                    failed = call;
                    continue;
                }
                e.json(ScanCommandTest.R + call.file(), "{'" + call.listMember() + "': []}");
            }
        }
        String errorFile = failed.file().replaceAll("\\.json$", ".error");
        e.text(
                ScanCommandTest.R + errorFile,
                "An error occurred (InvalidParameterValue) when calling the Describe operation: bad request"
                        + " {'AccessKeyId': 'AKIAIOSFODNN7EXAMPLE', 'SecretAccessKey': '" + SECRET_KEY
                        + "', 'SessionToken': '" + TOKEN + "', 'MasterUserPassword': '" + PASSWORD + "'}"
                        + " password=" + PASSWORD + "\n");
        e.json(
                ScanCommandTest.R + "redshift/describe-clusters.json",
                "{'Clusters': [{'ClusterIdentifier': 'c1', 'Encrypted': {'user': 'awsuser', 'password': '" + PASSWORD
                        + "'}, 'ClusterParameterGroups': [{'ParameterGroupName': 'default.redshift-1.0'}]}]}");
        return e;
    }

    @Test
    void noSecretReachesAnyScanReport() {
        Estate e = estate();
        for (String format : new String[] {"text", "json"}) {
            CliRun run = CliRun.of("scan", "--input", e.root().toString(), "--format", format, "--fail-on", "none");
            String all = run.out() + run.err();
            assertThat(all).as(format).doesNotContain(SECRET_KEY, PASSWORD, TOKEN);
            assertThat(all).as(format).contains("<redacted:");
            // the wrong-type message names the type and keeps a short excerpt
            assertThat(all).as(format).contains("found object {");
        }
    }
}
