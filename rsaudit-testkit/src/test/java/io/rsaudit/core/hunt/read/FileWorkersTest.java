package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.testkit.logs.LogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading with file workers ({@link ReadOptions.FileWorkers#ALWAYS}) gives exactly what reading on one thread gives:
 * the same events, problems (file:line, kind, message) and counts, for whole plain and gzip files bigger than a
 * batch, concatenated gzip members, truncated and corrupt gzip; and no worker outlives the read.
 * ({@link LineBatchesTest} cuts damaged logs into tiny batches.)
 */
class FileWorkersTest {

    @TempDir
    static Path dir;
    /** Generated logs of every format, a few MB of text, several batches a file. */
    private static List<Path> files;

    @BeforeAll
    static void generate() throws IOException {
        LogGenerator.Result r = new LogGenerator(LogGenerator.Spec.of(2_000_000, false)).generate(dir.resolve("gen"));
        assertThat(r.records()).isPositive();
        try (var walk = Files.walk(dir.resolve("gen").resolve("AWSLogs"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(3);
        // at least one file is read in several batches, so that the workers' order across batches is tested
        long largest = 0;
        for (Path f : files) {
            largest = Math.max(largest, Files.size(f));
        }
        assertThat(largest).isGreaterThan(2L * LineBatches.BATCH);
    }

    private static ReadOptions options(ReadOptions.FileWorkers when) {
        return ReadOptions.defaults().withParallelism(1).withFileWorkers(when);
    }

    private static void sameBothWays(String name, byte[] stored) {
        LogInput input = ParserProperties.memory(name, stored);
        Logs.Read one = Logs.read(List.of(input), options(ReadOptions.FileWorkers.NEVER));
        Logs.Read two = Logs.read(List.of(input), options(ReadOptions.FileWorkers.ALWAYS));
        assertThat(two.summary().problems()).as(name).isEqualTo(one.summary().problems());
        assertThat(two.summary()).as(name).isEqualTo(one.summary());
        assertThat(two.events()).as(name).isEqualTo(one.events());
        assertNoWorkers();
    }

    private static void assertNoWorkers() {
        for (int tries = 0; tries < 1000 && workers() > 0; tries++) {
            Thread.yield();
        }
        assertThat(workers()).as("workers left running").isZero();
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(LogReader.WORKER_THREAD) && t.isAlive())
                .count();
    }

    @Test
    void wholeFilesOfEveryFormat() throws IOException {
        for (Path f : files) {
            byte[] text = Files.readAllBytes(f);
            sameBothWays(f.toString(), text);
            sameBothWays(f + ".gz", Logs.gzip(text));
        }
    }

    /**
     * Files read in turn share the workers: a file's batches may still be parsed while the next file is read, so
     * events of consecutive files may interleave, but each file's come in its order, and the summary is the same.
     */
    @Test
    void filesReadInTurnKeepEachFilesOrderAndTheSummary() throws IOException {
        List<LogInput> inputs = new ArrayList<>();
        for (Path f : files) {
            byte[] text = Files.readAllBytes(f);
            byte[] gz = Logs.gzip(text);
            inputs.add(ParserProperties.memory(f.toString(), text));
            inputs.add(ParserProperties.memory(f + ".gz", gz));
            // named as Redshift names them, in folders of their own
            inputs.add(ParserProperties.memory(
                    f.resolveSibling("cut").resolve(f.getFileName() + ".gz").toString(),
                    Arrays.copyOf(gz, gz.length / 2)));
            inputs.add(ParserProperties.memory(
                    f.resolveSibling("damaged").resolve(f.getFileName() + ".gz").toString(), Logs.gzip(damaged(text))));
        }
        Logs.Read one = Logs.read(inputs, options(ReadOptions.FileWorkers.NEVER));
        Logs.Read two = Logs.read(inputs, options(ReadOptions.FileWorkers.ALWAYS));
        assertThat(two.summary()).isEqualTo(one.summary());
        assertThat(one.summary().problemCount()).as("the cut files' problems").isGreaterThanOrEqualTo(files.size());
        assertThat(byFile(two.events())).isEqualTo(byFile(one.events()));
        assertNoWorkers();
    }

    /**
     * With invalid UTF-8 late in the file: a problem only reported when the file is finished, after all its
     * batches.
     */
    private static byte[] damaged(byte[] text) {
        byte[] bad = text.clone();
        for (int i = bad.length * 3 / 4; i < bad.length; i++) {
            if (bad[i] != '\n' && bad[i] != '|') {
                bad[i] = (byte) 0xff;
                break;
            }
        }
        return bad;
    }

    private static Map<String, List<Event>> byFile(List<Event> events) {
        return events.stream().collect(Collectors.groupingBy(e -> e.origin().file(), Collectors.toList()));
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
                problems += Logs.read(
                                                List.of(ParserProperties.memory(f.toString(), bad)),
                                                options(ReadOptions.FileWorkers.ALWAYS))
                                        .summary()
                                        .problemCount()
                                > 0
                        ? 1
                        : 0;
            }
        }
        assertThat(problems).as("flipped bytes that were noticed").isPositive();
    }

    @Test
    void aTruncatedStreamKeepsTheLinesBeforeTheBreakAndNamesTheLine() throws IOException {
        Path conn = files.stream()
                .filter(p -> p.toString().contains("connectionlog"))
                .findFirst()
                .orElseThrow();
        byte[] text = Files.readAllBytes(conn);
        byte[] gz = Logs.gzip(text);
        byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);
        Logs.Read r = Logs.read(
                List.of(ParserProperties.memory(conn.toString(), cut)), options(ReadOptions.FileWorkers.ALWAYS));
        assertThat(r.events()).isNotEmpty();
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.TRUNCATED_GZIP);
            assertThat(p.message()).startsWith("truncated gzip stream");
            assertThat(p.origin().line()).isEqualTo(r.summary().records() + 1);
        });
    }

    @Test
    void aSinkThatThrowsLeavesNoThreadBehind() throws IOException {
        LogInput conn = gzipped("connectionlog");
        AtomicInteger seen = new AtomicInteger();
        sinkFailureStopsTheRead(
                List.of(conn, conn),
                options(ReadOptions.FileWorkers.ALWAYS).withParallelism(2),
                e -> seen.incrementAndGet() == 100);
    }

    @Test
    void aSinkThatThrowsWhileTheNextFileIsReadLeavesNoThreadBehind() throws IOException {
        LogInput conn = gzipped("connectionlog");
        long perFile = Logs.read(List.of(conn), options(ReadOptions.FileWorkers.NEVER))
                .events()
                .size();
        AtomicInteger seen = new AtomicInteger();
        sinkFailureStopsTheRead(
                List.of(conn, conn, conn),
                options(ReadOptions.FileWorkers.ALWAYS),
                e -> seen.incrementAndGet() == perFile + perFile / 2);
    }

    @Test
    void aSinkThatThrowsOnACloudTrailFileReadByAWorkerStopsTheRead() throws IOException {
        LogInput trail = gzipped("CloudTrail");
        LogInput conn = gzipped("connectionlog");
        sinkFailureStopsTheRead(
                List.of(conn, trail, conn, trail, conn),
                options(ReadOptions.FileWorkers.ALWAYS),
                e -> e.type() == LogType.CLOUDTRAIL);
    }

    /** The first generated file whose name holds {@code kind}, gzipped. */
    private static LogInput gzipped(String kind) throws IOException {
        Path f = files.stream()
                .filter(p -> p.toString().contains(kind))
                .findFirst()
                .orElseThrow();
        return ParserProperties.memory(f + ".gz", Logs.gzip(Files.readAllBytes(f)));
    }

    /** A sink that throws at the first event {@code failAt} accepts: the read rethrows it, and no worker is left. */
    private static void sinkFailureStopsTheRead(List<LogInput> inputs, ReadOptions options, Predicate<Event> failAt) {
        assertThatThrownBy(() -> LogReader.read(inputs, options, e -> {
                    if (failAt.test(e)) {
                        throw new IllegalStateException(
                                "sink failed on " + Thread.currentThread().getName());
                    }
                }))
                .hasMessageContaining("sink failed");
        assertNoWorkers();
    }

    @Test
    void workersAreUsedOnlyWhenAProcessorIsLeftIdle() {
        int cpus = Runtime.getRuntime().availableProcessors();
        ReadOptions auto = ReadOptions.defaults();
        assertThat(LogReader.fileWorkers(auto, cpus)).isFalse();
        assertThat(LogReader.fileWorkers(auto, 1))
                .as("one file at a time on %d cpu(s)", cpus)
                .isEqualTo(cpus > 1);
        assertThat(LogReader.fileWorkers(auto.withFileWorkers(ReadOptions.FileWorkers.ALWAYS), cpus))
                .isTrue();
        assertThat(LogReader.fileWorkers(auto.withFileWorkers(ReadOptions.FileWorkers.NEVER), 1))
                .isFalse();
    }
}
