package io.rsaudit.aws.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.Progress;
import io.rsaudit.core.model.Scope;
import io.rsaudit.fix.apply.CallFailure;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.testkit.sim.AwsSimulator;
import io.rsaudit.testkit.sim.SimOptions;
import io.rsaudit.testkit.sim.SimRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The write calls of {@link AwsFixClient} against the simulator serving the example estate. */
class AwsFixClientTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final Scope PROD_EU = new Scope("111111111111", "eu-west-1");

    static AwsFixClient client(AwsSimulator sim) {
        return new AwsFixClient(new LiveOptions(
                null,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("SIM123456789012", "simulated")),
                "rsaudit-fix",
                null,
                List.of("111111111111", "222222222222"),
                false,
                List.of(),
                "us-east-1",
                sim.endpoint(),
                LiveOptions.DEFAULT_CONCURRENCY,
                List.of(),
                Progress.NONE));
    }

    static Call rotate(String cluster) {
        return new Call("redshift", "RotateEncryptionKey", PROD_EU, Map.of("ClusterIdentifier", cluster), Map.of());
    }

    @Test
    void rotateEncryptionKeyReachesAwsForAnEncryptedClusterAndIsRefusedForAnUnencryptedOne() throws Exception {
        try (AwsSimulator sim = AwsSimulator.start(ESTATE, SimOptions.defaults());
                AwsFixClient client = client(sim)) {
            assertThat(client.call(rotate("prod-dwh"))).isNotBlank();
            assertThat(sim.requests()).extracting(SimRequest::operation).contains("RotateEncryptionKey");
            assertThatThrownBy(() -> client.call(rotate("prod-legacy")))
                    .isInstanceOfSatisfying(
                            CallFailure.class, f -> assertThat(f.code()).isEqualTo("InvalidClusterState"));
        }
    }
}
