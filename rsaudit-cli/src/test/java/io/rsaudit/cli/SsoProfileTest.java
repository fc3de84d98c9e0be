package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile} with an IAM Identity Center (SSO) profile, as {@code aws configure sso} writes it, and the token
 * {@code aws sso login} caches: the SDK trades the token for role credentials at the portal (the simulator, found
 * through {@code AWS_ENDPOINT_URL_SSO}), and the scan runs with them. In a separate JVM, because the SDK finds the
 * token cache through the HOME environment variable, which a test cannot change in its own process.
 */
class SsoProfileTest {

    private static final String TOKEN = "simulated-sso-access-token";
    private static final Path ESTATE = Path.of("../examples/estate");

    @Test
    void anSsoProfileScansTheAccountAndRoleItNames(@TempDir Path home) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(
                ESTATE, SimOptions.builder().ssoAccessToken(TOKEN).build())) {
            Run run = scan(home, sim, TOKEN);

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.report().path("scopes").toString())
                    .isEqualTo("[{\"account\":\"111111111111\",\"region\":\"eu-west-1\"}]");
            assertThat(run.report().path("findings").size()).isGreaterThan(10);
            List<SimRequest> asked = sim.requests();
            assertThat(asked)
                    .filteredOn(r -> r.service().equals("sso"))
                    .containsExactly(new SimRequest("sso", "GetRoleCredentials", "111111111111", "", SimRequest.OK));
            assertThat(asked)
                    .filteredOn(r -> r.service().equals("redshift"))
                    .isNotEmpty()
                    .allMatch(r -> r.account().equals("111111111111"));
        }
    }

    @Test
    void aTokenThePortalRefusesIsACollectionErrorAndTheScanIsIncomplete(@TempDir Path home) throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(
                ESTATE, SimOptions.builder().ssoAccessToken(TOKEN).build())) {
            Run run = scan(home, sim, "a-token-the-portal-no-longer-knows");

            assertThat(run.code()).as(run.err()).isEqualTo(3);
            String errors = run.report().path("collectionErrors").toString();
            assertThat(run.report().path("collectionErrors")).hasSize(1);
            assertThat(errors)
                    .contains("UnauthorizedException")
                    .contains("Session token not found or invalid")
                    .contains("run 'aws sso login'")
                    .doesNotContain("a-token-the-portal-no-longer-knows");
            assertThat(run.report().path("findings").size()).isZero();
        }
    }

    private record Run(int code, String err, JsonNode report) {}

    /** {@code rsaudit scan --profile audit-sso} in another JVM, HOME holding the profile and the cached token. */
    private static Run scan(Path home, AwsSimulator sim, String cachedToken) throws Exception {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), """
                [profile audit-sso]
                sso_session = corp
                sso_account_id = 111111111111
                sso_role_name = RsauditAudit
                region = eu-west-1

                [sso-session corp]
                sso_region = eu-west-1
                sso_start_url = https://corp.awsapps.com/start
                sso_registration_scopes = sso:account:access
                """);
        Path cache = Files.createDirectories(aws.resolve("sso/cache"));
        Files.writeString(cache.resolve(sha1("corp") + ".json"), """
                {"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1",
                 "accessToken": "%s", "expiresAt": "2099-01-01T00:00:00Z",
                 "clientId": "simulated-client", "clientSecret": "simulated-secret",
                 "registrationExpiresAt": "2099-01-01T00:00:00Z", "refreshToken": "simulated-refresh"}
                """.formatted(cachedToken));
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ChildJvm.SHORT_RUN.get(0),
                ChildJvm.SHORT_RUN.get(1),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--profile",
                "audit-sso",
                "--regions",
                "eu-west-1",
                "--endpoint-url",
                sim.endpoint().toString(),
                "--format",
                "json",
                "--fail-on",
                "none");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", aws.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", aws.resolve("credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO", sim.endpoint().toString());
        Path out = home.resolve("out.json");
        Path err = home.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the scan ended").isTrue();
        return new Run(p.exitValue(), Files.readString(err), new ObjectMapper().readTree(out.toFile()));
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
