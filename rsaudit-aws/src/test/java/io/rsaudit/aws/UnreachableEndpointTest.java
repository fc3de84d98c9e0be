package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.source.CliJsonSource;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * AWS out of reach (a closed port on 127.0.0.1): every failure becomes data the reader reports, live or from the
 * export, nothing is thrown, no .json is written from what was not read, and no credential reaches a file.
 */
class UnreachableEndpointTest {

    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    static URI closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    static LiveOptions options(URI endpoint, OperationRecorder recorder) {
        return LiveOptions.defaults()
                .withEndpoint(endpoint)
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .withRegions(List.of("eu-west-1"))
                .withInterceptors(List.of(recorder));
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aRoleThatCannotBeAssumedIsTheAccountsIdentityErrorAndTheReaderSaysNothingWasCollected() throws Exception {
        OperationRecorder recorder = new OperationRecorder();
        LiveOptions o = options(closedPort(), recorder)
                .withRole("rsaudit-audit", "ext-1", List.of("111111111111", "222222222222"), false);
        LiveCollector.Result r = new LiveCollector(o).export(dir);

        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.answered()).isZero();
        assertThat(files())
                .extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
                .containsExactlyInAnyOrder(
                        "111111111111/collection.json",
                        "111111111111/sts/get-caller-identity.error",
                        "222222222222/collection.json",
                        "222222222222/sts/get-caller-identity.error");
        String text = Files.readString(dir.resolve("222222222222/sts/get-caller-identity.error"));
        assertThat(text)
                .startsWith("An error occurred (")
                .contains("when calling the AssumeRole operation")
                .contains("sts:AssumeRole, account 222222222222")
                .contains("arn:aws:iam::222222222222:role/rsaudit-audit")
                .doesNotContain(KEY_ID)
                .doesNotContain(SECRET);
        assertThat(recorder.iamActions()).containsExactly("sts:AssumeRole");

        Inventory inv = new CliJsonSource(dir).load();
        List<CollectionError> errors = inv.errors();
        assertThat(errors)
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CALL_FAILED);
                    assertThat(e.location()).isEqualTo("111111111111/sts/get-caller-identity.error");
                    assertThat(e.message()).contains("AssumeRole").contains("111111111111");
                })
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_COLLECTED);
                    assertThat(e.message()).contains("nothing of account 222222222222 was collected");
                });

        // the same, read live: each error names the call
        Inventory live = new LiveCollector(o).collect().inventory();
        assertThat(live.errors())
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CALL_FAILED);
                    assertThat(e.location()).isEqualTo("aws://111111111111/sts:GetCallerIdentity");
                    assertThat(e.message())
                            .contains("AssumeRole")
                            .contains("111111111111")
                            .doesNotContain(KEY_ID)
                            .doesNotContain(SECRET);
                })
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_COLLECTED);
                    assertThat(e.location()).isEqualTo("aws://222222222222");
                    assertThat(e.message()).contains("nothing of account 222222222222 was collected");
                });
        assertThat(live.accounts())
                .allSatisfy(a -> assertThat(a.callerArn().note()).contains("AssumeRole"));
    }

    @Test
    void withoutTheCallersIdentityNothingIsWrittenAndTheProblemIsReturned() throws Exception {
        OperationRecorder recorder = new OperationRecorder();
        LiveCollector.Result r = new LiveCollector(options(closedPort(), recorder)).export(dir);
        assertThat(files()).isEmpty();
        assertThat(r.complete()).isFalse();
        assertThat(r.problems())
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains("GetCallerIdentity")
                        .contains("the credentials' account is unknown")
                        .doesNotContain(KEY_ID)
                        .doesNotContain(SECRET));
        assertThat(recorder.iamActions())
                .contains("sts:GetCallerIdentity")
                .allMatch(a -> a.matches("[a-z0-9-]+:(Describe|Get|List)\\w+"));
    }
}
