package io.rsaudit.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.catalog.CheckCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remediation commands are safe to paste: identifiers quoted for a POSIX shell, hostile ones refused. */
class DocumentationCliTest {

    private static Documentation withCli(String cli) {
        return Documentation.parse(
                "RS-TEST-001.md",
                "# RS-TEST-001: Test\nWhat.\n## Risk\nRisk.\n## Remediation\n### AWS CLI\n```sh\n" + cli
                        + "\n```\n### Console\n1. Do.\n### Terraform\nNone.\n## References\n- https://example.com\n");
    }

    @Test
    void valuesOutsideQuotesAreSingleQuotedAndInsideTheTemplatesQuotesLeftAsTheyAre() {
        Documentation doc = withCli("# the cluster's group: {{name}}\n"
                + "aws redshift modify-cluster --region {{region}} --cluster-identifier {{name}} \\\n"
                + "  --query \"Clusters[?ClusterIdentifier=='{{name}}']\" --arn {{arn}} \\\n"
                + "  --group {{name}}-tls --key arn:aws:kms:{{region}}:{{account}}:key/<key-id>");
        String cli = doc.cliFor(
                "prod-dwh", "eu-west-1", "111111111111", "arn:aws:redshift:eu-west-1:111111111111:cluster:prod-dwh");
        assertThat(cli)
                .contains("# the cluster's group: prod-dwh\n")
                .contains("--region 'eu-west-1' --cluster-identifier 'prod-dwh'")
                .contains("\"Clusters[?ClusterIdentifier=='prod-dwh']\"")
                .contains("--arn 'arn:aws:redshift:eu-west-1:111111111111:cluster:prod-dwh'")
                .contains("--group 'prod-dwh-tls'")
                .contains("--key arn:aws:kms:eu-west-1:111111111111:key/<key-id>");
    }

    @Test
    void anIdentifierBreakingAwsNamingGetsNoCommandOnlyAnEscapedComment() {
        Documentation doc = withCli("aws redshift delete-cluster --cluster-identifier {{name}}");
        String cli = doc.cliFor("legacy$(touch /tmp/x)\n'\u001b", "eu-west-1", "111111111111", "arn:aws:x");
        assertThat(cli)
                .startsWith(
                        "# rsaudit prints no command for this resource: its name 'legacy$(touch /tmp/x)\\x0a\\x27\\x1b'")
                .doesNotContain("\n")
                .doesNotContain("aws redshift");
    }

    @Test
    void theTemplatesPartsFilledWithTheValuesAreTheCommand() {
        Documentation doc = withCli("# the cluster's group: {{name}}\n"
                + "aws redshift modify-cluster --region {{region}} --cluster-identifier {{name}} \\\n"
                + "  --query \"Clusters[?ClusterIdentifier=='{{name}}']\" --arn {{arn}} \\\n"
                + "  --group {{name}}-tls --key arn:aws:kms:{{region}}:{{account}}:key/<key-id>{{name}}");
        List<Documentation> docs = new ArrayList<>(List.of(doc, withCli("aws redshift describe-clusters")));
        CheckCatalog.builtIn().all().forEach(c -> docs.add(c.documentation()));
        for (Documentation d : docs) {
            for (String region : new String[] {"eu-west-1", null}) {
                String[] values = Documentation.cliValues(
                        "prod-dwh", region, "111111111111", "arn:aws:redshift:eu-west-1:111111111111:cluster:prod-dwh");
                Documentation.CliParts parts = d.cliParts();
                StringBuilder filled = new StringBuilder(parts.literal(0));
                for (int i = 0; i < parts.values(); i++) {
                    filled.append(values[parts.slot(i)]).append(parts.literal(i + 1));
                }
                assertThat(filled.toString())
                        .isEqualTo(d.cliFor(
                                "prod-dwh",
                                region,
                                "111111111111",
                                "arn:aws:redshift:eu-west-1:111111111111:cluster:prod-dwh"));
                assertThat(d.cliParts()).isSameAs(parts);
            }
        }
        assertThat(doc.cliParts().values()).isEqualTo(9);
        assertThat(Documentation.cliValues("legacy$(x)", "eu-west-1", "1", "arn"))
                .isNull();
        assertThat(Documentation.cliValues("a", null, "1", "arn")).containsExactly("a", "us-east-1", "1", "arn");
    }

    @Test
    void aValueIsFilledInExactlyWhenItsCharactersAreThoseOfTheSafePattern() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String value = "a" + c;
            assertThat(Documentation.cliValues(value, "eu-west-1", "1", "arn") != null)
                    .as("U+%04x", (int) c)
                    .isEqualTo(Documentation.SAFE.matcher(value).matches());
        }
    }
}
