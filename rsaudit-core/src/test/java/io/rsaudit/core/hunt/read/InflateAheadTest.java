package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.hunt.gen.LogGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading gzip with the inflating thread ({@link ReadOptions.InflateThread#ALWAYS}) gives exactly what reading it on
 * one thread gives: the same events, problems (file:line, kind, message) and counts, for whole, concatenated,
 * truncated and corrupt files bigger than the thread's buffers; and the thread never outlives the read.
 */
class InflateAheadTest {

    @TempDir
    static Path dir;
    /** Generated logs of every format, a few MB of text, more than the thread's buffers hold. */
    private static List<Path> files;

    @BeforeAll
    static void generate() throws IOException {
        LogGenerator.Result r = new LogGenerator(LogGenerator.Spec.of(4_000_000, false)).generate(dir.resolve("gen"));
        assertThat(r.records()).isPositive();
        try (var walk = Files.walk(dir.resolve("gen").resolve("AWSLogs"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(3);
    }

    private static ReadOptions options(ReadOptions.InflateThread when) {
        return ReadOptions.defaults().withParallelism(1).withInflateThread(when);
    }

    private static void sameBothWays(String name, byte[] stored) {
        LogInput input = ParserProperties.memory(name, stored);
        Logs.Read one = Logs.read(List.of(input), options(ReadOptions.InflateThread.NEVER));
        Logs.Read two = Logs.read(List.of(input), options(ReadOptions.InflateThread.ALWAYS));
        assertThat(two.summary().problems()).as(name).isEqualTo(one.summary().problems());
        assertThat(two.summary()).as(name).isEqualTo(one.summary());
        assertThat(two.events()).as(name).isEqualTo(one.events());
        assertNoInflatingThread();
    }

    private static void assertNoInflatingThread() {
        for (int tries = 0; tries < 1000 && inflatingThreads() > 0; tries++) {
            Thread.onSpinWait();
        }
        assertThat(inflatingThreads()).as("inflating threads left running").isZero();
    }

    private static long inflatingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(InflateAhead.THREAD_NAME) && t.isAlive()).count();
    }

    @Test
    void wholeFilesOfEveryFormat() throws IOException {
        for (Path f : files) {
            byte[] gz = Logs.gzip(Files.readAllBytes(f));
            sameBothWays(f.toString(), gz);
        }
    }

    @Test
    void concatenatedMembers() throws IOException {
        for (Path f : files) {
            byte[] text = Files.readAllBytes(f);
            if (f.toString().contains("CloudTrail")) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int cut = text.length / 3;
            out.write(Logs.gzip(Arrays.copyOf(text, cut)));
            out.write(Logs.gzip(Arrays.copyOfRange(text, cut, text.length)));
            sameBothWays(f.toString(), out.toByteArray());
        }
    }

    @Test
    void truncatedAnywhere() throws IOException {
        Random random = new Random(42);
        for (Path f : files) {
            byte[] gz = Logs.gzip(Files.readAllBytes(f));
            for (int k = 0; k < 4; k++) {
                int cut = 10 + random.nextInt(gz.length - 10);
                sameBothWays(f + " cut at " + cut, Arrays.copyOf(gz, cut));
            }
        }
    }

    @Test
    void corruptAnywhere() throws IOException {
        Random random = new Random(7);
        int problems = 0;
        for (Path f : files) {
            byte[] gz = Logs.gzip(Files.readAllBytes(f));
            for (int k = 0; k < 4; k++) {
                byte[] bad = gz.clone();
                int at = 10 + random.nextInt(gz.length - 10);
                bad[at] ^= (byte) (1 + random.nextInt(255));
                sameBothWays(f + " flipped at " + at, bad);
                problems += Logs.read(List.of(ParserProperties.memory(f.toString(), bad)),
                        options(ReadOptions.InflateThread.ALWAYS)).summary().problemCount() > 0 ? 1 : 0;
            }
        }
        assertThat(problems).as("flipped bytes that were noticed").isPositive();
    }

    @Test
    void aTruncatedStreamKeepsTheLinesBeforeTheBreakAndNamesTheLine() throws IOException {
        Path conn = files.stream().filter(p -> p.toString().contains("connectionlog")).findFirst().orElseThrow();
        byte[] text = Files.readAllBytes(conn);
        byte[] gz = Logs.gzip(text);
        byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);
        Logs.Read r = Logs.read(List.of(ParserProperties.memory(conn.toString(), cut)),
                options(ReadOptions.InflateThread.ALWAYS));
        assertThat(r.events()).isNotEmpty();
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.TRUNCATED_GZIP);
            assertThat(p.message()).startsWith("truncated gzip stream");
            assertThat(p.origin().line()).isEqualTo(r.summary().records() + 1);
        });
    }

    @Test
    void theStreamGivesTheBytesThenTheFailureOfTheSource() throws IOException {
        byte[] text = new byte[InflateAhead.CHUNK * 2 + 12345];
        new Random(1).nextBytes(text);
        byte[] gz = Logs.gzip(text);
        byte[] cut = Arrays.copyOf(gz, gz.length - 100);
        byte[] direct = readUntilFailure(new GZIPInputStream(new ByteArrayInputStream(cut)));
        try (InflateAhead in = new InflateAhead(new GZIPInputStream(new ByteArrayInputStream(cut)))) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[7777];
            assertThatThrownBy(() -> {
                for (int n; (n = in.read(buf)) >= 0;) {
                    got.write(buf, 0, n);
                }
            }).isInstanceOf(EOFException.class);
            assertThat(got.toByteArray()).isEqualTo(direct);
            assertThatThrownBy(() -> in.read(buf)).as("the failure stays").isInstanceOf(EOFException.class);
        }
        byte[] corrupt = gz.clone();
        corrupt[gz.length / 2] ^= 0x55;
        corrupt[gz.length / 2 + 1] ^= 0x55;
        try (InflateAhead in = new InflateAhead(new GZIPInputStream(new ByteArrayInputStream(corrupt)))) {
            assertThatThrownBy(() -> in.transferTo(java.io.OutputStream.nullOutputStream())).isInstanceOf(ZipException.class);
        }
        assertNoInflatingThread();
    }

    private static byte[] readUntilFailure(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                out.write(buf, 0, n);
            }
        } catch (IOException expected) {
            // the bytes before the failure are the point
        }
        return out.toByteArray();
    }

    @Test
    void closingBeforeTheEndStopsTheThreadAndReadsNoMore() throws IOException {
        byte[] text = new byte[InflateAhead.CHUNK * 20];
        Arrays.fill(text, (byte) 'x');
        byte[] gz = Logs.gzip(text);
        AtomicInteger reads = new AtomicInteger();
        InputStream counting = new ByteArrayInputStream(gz) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                reads.incrementAndGet();
                return super.read(b, off, len);
            }
        };
        InflateAhead in = new InflateAhead(new GZIPInputStream(counting, 512));
        assertThat(in.read(new byte[10])).isEqualTo(10);
        in.close();
        assertThat(in.threadAlive()).isFalse();
        int after = reads.get();
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(IOException.class);
        assertThat(reads.get()).as("no read after close").isEqualTo(after);
        assertThat(after * 512L).as("read no further than its buffers ahead").isLessThan(gz.length);
        in.close();
    }

    @Test
    void aSinkThatThrowsLeavesNoThreadBehind() throws IOException {
        Path conn = files.stream().filter(p -> p.toString().contains("connectionlog")).findFirst().orElseThrow();
        LogInput input = ParserProperties.memory(conn.toString(), Logs.gzip(Files.readAllBytes(conn)));
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> LogReader.read(List.of(input, input), options(ReadOptions.InflateThread.ALWAYS)
                .withParallelism(2), e -> {
                    if (seen.incrementAndGet() == 100) {
                        throw new IllegalStateException("sink failed");
                    }
                })).hasMessageContaining("sink failed");
        assertNoInflatingThread();
    }

    @Test
    void theThreadIsUsedOnlyWhenAProcessorIsLeftIdle() {
        int cpus = Runtime.getRuntime().availableProcessors();
        ReadOptions auto = ReadOptions.defaults();
        assertThat(LogReader.inflateAhead(auto, cpus)).isFalse();
        assertThat(LogReader.inflateAhead(auto, 1)).as("one file at a time on %d cpu(s)", cpus).isEqualTo(cpus > 1);
        assertThat(LogReader.inflateAhead(auto.withInflateThread(ReadOptions.InflateThread.ALWAYS), cpus)).isTrue();
        assertThat(LogReader.inflateAhead(auto.withInflateThread(ReadOptions.InflateThread.NEVER), 1)).isFalse();
    }
}
