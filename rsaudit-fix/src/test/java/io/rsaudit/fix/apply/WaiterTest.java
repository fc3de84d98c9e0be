package io.rsaudit.fix.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import io.rsaudit.fix.plan.Call;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The waiter polls with a doubling, capped backoff and gives up at its timeout; the sleeper only records. */
class WaiterTest {

    static final Scope SCOPE = new Scope("111111111111", "eu-west-1");
    static final ResourceId CLUSTER = new ResourceId(
            ResourceType.CLUSTER,
            SCOPE,
            "prod-legacy",
            "arn:aws:redshift:eu-west-1:111111111111:cluster:prod-legacy",
            Provenance.of("test", ""));
    static final Waiter.Backoff BACKOFF =
            new Waiter.Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** Answers the statuses in order, then the last one for ever; an empty string is "cannot be read". */
    static StatusReader statuses(String... answers) {
        Deque<String> left = new ArrayDeque<>(List.of(answers));
        return id -> {
            String s = left.size() > 1 ? left.poll() : left.peek();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        };
    }

    @Test
    void anAvailableResourceIsNotWaitedFor() throws Exception {
        List<Duration> slept = new ArrayList<>();
        Waiter.Result r = new Waiter(statuses("available"), slept::add, BACKOFF).await(CLUSTER);
        assertThat(r.available()).isTrue();
        assertThat(r.polls()).isEqualTo(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void aBusyResourceIsPolledWithADoublingCappedBackoffUntilAvailable() throws Exception {
        List<Duration> slept = new ArrayList<>();
        Waiter.Result r = new Waiter(
                        statuses("modifying", "modifying", "", "modifying", "rebooting", "AVAILABLE"),
                        slept::add,
                        BACKOFF)
                .await(CLUSTER);
        assertThat(r.available()).isTrue();
        assertThat(r.status()).isEqualTo("AVAILABLE");
        assertThat(r.polls()).isEqualTo(6);
        assertThat(slept)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        assertThat(r.waited()).isEqualTo(Duration.ofSeconds(95));
        assertThat(r.describe()).isEqualTo("available after 6 poll(s) (1m35s)");
    }

    @Test
    void aResourceThatStaysBusyIsGivenUpAtTheTimeoutWithItsLastStatus() throws Exception {
        List<Duration> slept = new ArrayList<>();
        Waiter.Result r = new Waiter(statuses("modifying"), slept::add, BACKOFF).await(CLUSTER);
        assertThat(r.available()).isFalse();
        assertThat(r.status()).isEqualTo("modifying");
        // 5 + 10 + 20 + 30 + 30 + 25: the last wait is cut to the timeout
        assertThat(slept).last().isEqualTo(Duration.ofSeconds(25));
        assertThat(r.waited()).isEqualTo(Duration.ofMinutes(2));
        assertThat(r.polls()).isEqualTo(slept.size() + 1);
        assertThat(r.describe()).startsWith("still modifying after 7 poll(s) (2m)");
    }

    @Test
    void anUnreadableStatusIsNotAvailable() throws Exception {
        Waiter.Result r = new Waiter(
                        statuses(""),
                        d -> {},
                        new Waiter.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
                .await(CLUSTER);
        assertThat(r.available()).isFalse();
        assertThat(r.describe()).startsWith("still of unknown status after 1 poll(s)");
    }

    @Test
    void onlyCallsThatChangeTheResourceLeaveItBusy() {
        assertThat(Waiter.leavesBusy(call("redshift", "ModifyCluster"))).isTrue();
        assertThat(Waiter.leavesBusy(call("redshift", "RebootCluster"))).isTrue();
        assertThat(Waiter.leavesBusy(call("redshift-serverless", "UpdateWorkgroup")))
                .isTrue();
        assertThat(Waiter.leavesBusy(call("redshift", "ModifyClusterParameterGroup")))
                .isFalse();
        assertThat(Waiter.leavesBusy(call("redshift", "CreateClusterParameterGroup")))
                .isFalse();
    }

    static Call call(String service, String action) {
        return new Call(service, action, SCOPE, Map.of(), Map.of());
    }
}
