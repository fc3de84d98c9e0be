package io.rsaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void theMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Median.of(3, 1, 2)).isEqualTo(2);
        assertThat(Median.of(19.94, 20.57)).isEqualTo(20.255, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Median.of(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Median.of()).isNaN();
    }
}
