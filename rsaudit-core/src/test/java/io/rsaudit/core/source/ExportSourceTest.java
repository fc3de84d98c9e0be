package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loader decides by a missing answer's typed cause, never by its wording: an export whose reasons all read "not
 * collected", whatever their cause, is reported by cause.
 */
class ExportSourceTest {

    static final Scope REGION = new Scope("111111111111", "eu-west-1");

    /** One account, one region; every answer missing, for the cause given (NOT_COLLECTED when not given). */
    record Missing(Map<AwsCliCall, CallOutput.Cause> causes) implements Export {

        @Override
        public List<Account> accounts(Diagnostics diagnostics) {
            return List.of(new Account("111111111111", "test://111111111111", List.of("eu-west-1")));
        }

        @Override
        public CallOutput output(Scope scope, AwsCliCall call, String resource, Diagnostics diagnostics) {
            CallOutput.Cause cause = causes.getOrDefault(call, CallOutput.Cause.NOT_COLLECTED);
            String where = location(scope, call, resource);
            return new CallOutput.Missing(
                    cause,
                    where,
                    "not collected, whatever happened (" + cause + ")",
                    cause == CallOutput.Cause.CALL_FAILED ? "An error occurred (AccessDenied)" : null);
        }

        @Override
        public String location(Scope scope, AwsCliCall call, String resource) {
            return "test://" + scope + "/" + call.iamAction();
        }
    }

    private static List<String> errors(Inventory inv, Kind kind) {
        return inv.errors().stream()
                .filter(e -> e.kind() == kind)
                .map(CollectionError::location)
                .toList();
    }

    @Test
    void aCallThatFailedIsReportedAsFailedAndNotAsNotCollected() {
        Inventory inv = new ExportSource(new Missing(Map.of(
                        AwsCliCall.DESCRIBE_CLUSTERS, CallOutput.Cause.CALL_FAILED,
                        AwsCliCall.STS_GET_CALLER_IDENTITY, CallOutput.Cause.CALL_FAILED)))
                .load();
        String clusters = "test://111111111111/eu-west-1/redshift:DescribeClusters";
        assertThat(errors(inv, Kind.CALL_FAILED))
                .containsExactlyInAnyOrder(clusters, "test://111111111111/sts:GetCallerIdentity");
        assertThat(errors(inv, Kind.NOT_COLLECTED))
                .doesNotContain(clusters, "test://111111111111/sts:GetCallerIdentity")
                .contains("test://111111111111/eu-west-1/redshift:DescribeClusterSnapshots");
        assertThat(inv.clusterIdentifiers(REGION).status()).isEqualTo(Status.UNKNOWN);
        assertThat(inv.clusterIdentifiers(REGION).note()).contains("CALL_FAILED");
        assertThat(inv.accounts().get(0).callerArn().note()).contains("CALL_FAILED");
    }

    @Test
    void anUnreadableOutputIsNeitherFailedNorNotCollected() {
        Inventory inv = new ExportSource(
                        new Missing(Map.of(AwsCliCall.DESCRIBE_CLUSTER_SNAPSHOTS, CallOutput.Cause.UNREADABLE)))
                .load();
        String snapshots = "test://111111111111/eu-west-1/redshift:DescribeClusterSnapshots";
        assertThat(errors(inv, Kind.NOT_COLLECTED)).doesNotContain(snapshots);
        assertThat(errors(inv, Kind.CALL_FAILED)).isEmpty();
        assertThat(inv.clusterSnapshots()).isEmpty();
    }
}
