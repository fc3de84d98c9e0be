package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19 #14: the largest record read whole fits the heap on every thread that parses at once. */
class RecordMemoryTest {

    private static final int MIB = 1 << 20;

    @Test
    void theMaximumRecordIsLoweredToWhatTheHeapHoldsPerParsingThread() {
        // 128 MiB, a file thread and a worker: 128 / (8 x 2) = 8 MiB
        assertThat(LogReader.maxRecordBytes(16 * MIB, 128L * MIB, 2)).isEqualTo(8 * MIB);
        // 256 MiB, the same threads: the asked maximum fits
        assertThat(LogReader.maxRecordBytes(16 * MIB, 256L * MIB, 2)).isEqualTo(16 * MIB);
        assertThat(LogReader.maxRecordBytes(1024, 64L * 1024 * MIB, 64)).isEqualTo(1024);
        // never below the smallest maximum the options accept
        assertThat(LogReader.maxRecordBytes(16 * MIB, 1024, 4)).isEqualTo(64);
    }
}
