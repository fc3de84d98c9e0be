package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void whenPlacesAreShortListsGoBeforePerResourceCallsEachInTheOrderSubmitted() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (Scheduler scheduler = new Scheduler(1, e -> {})) {
            Scheduler.Lane busy = scheduler.lane(1);
            busy.submit(Scheduler.Order.LIST, () -> release.await(10, TimeUnit.SECONDS)); // holds the one place
            // other lanes queue in the pool, this one in its own queue as well
            Scheduler.Lane a = scheduler.lane(8);
            Scheduler.Lane b = scheduler.lane(8);
            a.submit(Scheduler.Order.PER_RESOURCE, () -> ran.add("a-logging-status"));
            b.submit(Scheduler.Order.PER_RESOURCE, () -> ran.add("b-logging-status"));
            a.submit(Scheduler.Order.LIST, () -> ran.add("a-snapshots"));
            busy.submit(Scheduler.Order.PER_RESOURCE, () -> ran.add("busy-key"));
            busy.submit(Scheduler.Order.LIST, () -> ran.add("busy-clusters"));
            b.submit(Scheduler.Order.LIST, () -> ran.add("b-clusters"));
            for (Scheduler.Lane lane : List.of(busy, a, b)) {
                lane.seal();
            }
            release.countDown();
            for (Scheduler.Lane lane : List.of(busy, a, b)) {
                lane.done().get(10, TimeUnit.SECONDS);
            }
        }
        // the pool ran the lists first; within the busy lane, its list went before its key
        assertThat(ran.indexOf("a-snapshots"))
                .isLessThan(ran.indexOf("a-logging-status"))
                .isLessThan(ran.indexOf("b-logging-status"));
        assertThat(ran.indexOf("b-clusters")).isLessThan(ran.indexOf("a-logging-status"));
        assertThat(ran.indexOf("busy-clusters")).isLessThan(ran.indexOf("busy-key"));
        assertThat(ran).hasSize(6);
    }
}
