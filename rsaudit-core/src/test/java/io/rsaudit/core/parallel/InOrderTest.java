package io.rsaudit.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void resultsComeInTheItemsOrderWhateverTheThreadThatMadeThem() {
        List<Integer> items = IntStream.range(0, 20_000).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> handed = new ArrayList<>();
        InOrder.map(
                items,
                i -> {
                    threads.add(Thread.currentThread().getName());
                    // uneven work, so that later items are often done before earlier ones
                    long x = i;
                    for (int k = 0; k < (i % 13) * 200; k++) {
                        x = x * 31 + k;
                    }
                    return x == 42 ? -1 : i;
                },
                handed::add);
        assertThat(handed).isEqualTo(items);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(threads).allMatch(name -> name.equals("rsaudit-worker"));
        } else {
            assertThat(threads).containsExactly(Thread.currentThread().getName());
        }
    }

    @Test
    void whatTheMappingThrowsReachesTheCallerAndNothingAfterItIsHandedOn() {
        List<Integer> handed = new ArrayList<>();
        assertThatThrownBy(() -> InOrder.map(
                        IntStream.range(0, 1_000).boxed().toList(),
                        i -> {
                            if (i == 500) {
                                throw new IllegalArgumentException("item 500");
                            }
                            return i;
                        },
                        handed::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 500");
        assertThat(handed).isEqualTo(IntStream.range(0, 500).boxed().toList());
    }

    @Test
    void whatHandingOnThrowsReachesTheCaller() {
        InOrder<Integer, Integer, IOException> inOrder = new InOrder<>(i -> i, i -> {
            if (i == 3) {
                throw new IOException("disk full at " + i);
            }
        });
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        inOrder.add(i);
                    }
                    inOrder.finish();
                })
                .isInstanceOf(IOException.class)
                .hasMessage("disk full at 3");
    }
}
