package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A file parsed in batches on workers gives exactly what one thread gives (events in order, counts, problems with
 * their lines, kinds, messages and order), whatever the batch size: valid and damaged logs of the three line formats
 * ({@link Mutations}: flipped bytes, junk, over-long lines, invalid UTF-8, cuts), plain, gzip and truncated gzip, cut
 * into batches of 64 bytes to 4 KiB, with records too long to batch (which one thread then reads on), on one worker
 * (batches numbered as they are parsed) or on several (numbered as they are sent). Seeded like
 * {@link ParserProperties}: {@code -Drsaudit.seed=N} replays one case, {@code -Drsaudit.cases=N} runs more.
 */
class LineBatchesTest {

    private static final int MAX = ParserProperties.MAX;
    /** As on two cores: one worker, and the file's thread parses a batch itself when the worker is behind. */
    private static final ThreadPoolExecutor WORKERS = LogReader.workers(2);
    /** As on four: batches parsed side by side, numbered as they are sent. */
    private static final ThreadPoolExecutor SEVERAL = LogReader.workers(4);

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
        SEVERAL.shutdownNow();
    }

    /** What a read left in its file, and the events it handed over. */
    record Result(
            List<Event> events,
            long records,
            long eventCount,
            long malformed,
            List<Long> filtered,
            long first,
            long last,
            long problemCount,
            List<ReadProblem> problems) {}

    private static Result read(
            String logType,
            byte[] stored,
            LineBatches.Format format,
            int batch,
            int maxBatch,
            ThreadPoolExecutor workers)
            throws IOException {
        List<Event> events = new ArrayList<>();
        String name = Logs.name(logType);
        FileRead file = new FileRead(
                name,
                LogFileName.of(name),
                ReadOptions.defaults().withRdsdb(true).withMaxRecordBytes(MAX),
                events::add);
        boolean gzip = stored.length > 1 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
        InputStream in = new ByteArrayInputStream(stored);
        if (gzip) {
            in = GzipMembers.of(in, 512);
        }
        if (batch == 0) {
            LineReader.read(in, MAX, gzip, file::problem, format.parser().apply(file));
        } else {
            Handoff handoff = new Handoff(workers);
            LineBatches.read(in, gzip, file, format, handoff, batch, maxBatch);
            handoff.drain();
        }
        file.finish();
        List<Long> filtered = new ArrayList<>();
        for (long f : file.filtered) {
            filtered.add(f);
        }
        return new Result(
                events,
                file.records,
                file.events,
                file.malformed,
                filtered,
                file.firstMillis,
                file.lastMillis,
                file.problemCount,
                file.problems);
    }

    private static void sameInBatches(Random random, String logType, LineBatches.Format format, byte[] stored)
            throws IOException {
        Result one = read(logType, stored, format, 0, 0, null);
        int batch = 64 << random.nextInt(7);
        int maxBatch = batch << random.nextInt(5);
        Result batched = read(logType, stored, format, batch, maxBatch, random.nextInt(4) == 0 ? SEVERAL : WORKERS);
        assertThat(batched.problems())
                .as("problems, batches of %d up to %d", batch, maxBatch)
                .isEqualTo(one.problems());
        assertThat(batched).as("batches of %d up to %d", batch, maxBatch).isEqualTo(one);
    }

    private static Stream<DynamicTest> cases(String property, ParserProperties.Case body) {
        return ParserProperties.cases(LineBatchesTest.class, property, body);
    }

    /** Some hundred lines picked from {@code lines}, with LF or CRLF ends and the odd blank line. */
    private static byte[] manyLines(Random random, String... lines) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            b.append(lines[random.nextInt(lines.length)]).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            if (random.nextInt(9) == 0) {
                b.append(random.nextBoolean() ? "\n" : "  \t\n");
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void damagedToo(Mutations m, String logType, LineBatches.Format format, byte[] clean)
            throws IOException {
        sameInBatches(m.random(), logType, format, clean);
        byte[] content = m.mutate(clean, 8);
        sameInBatches(m.random(), logType, format, m.store(content, m.storage()));
    }

    @TestFactory
    Stream<DynamicTest> connectionLog() {
        return cases(
                "connection log batches",
                m -> damagedToo(
                        m,
                        "connectionlog",
                        ConnectionLogParser.FORMAT,
                        manyLines(
                                m.random(),
                                ConnectionLogParserTest.AUTHENTICATED,
                                ConnectionLogParserTest.LOCAL,
                                ConnectionLogParserTest.FAILURE)));
    }

    @TestFactory
    Stream<DynamicTest> userLog() {
        return cases(
                "user log batches",
                m -> damagedToo(m, "userlog", UserLogParser.FORMAT, manyLines(m.random(), ParserProperties.USERLOG)));
    }

    @TestFactory
    Stream<DynamicTest> userActivityLog() {
        return cases("user activity log batches", m -> {
            Random random = m.random();
            StringBuilder b = new StringBuilder();
            if (random.nextInt(4) == 0) {
                b.append("lines before the first header\nare orphans\n");
            }
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                b.append(UserActivityLogParserTest.header("2023-06-26T18:02:47Z", "u" + random.nextInt(5)));
                // now and then a record of many lines, longer than a batch may grow
                int pieces = random.nextInt(12) == 0 ? 40 + random.nextInt(80) : 1;
                for (int p = 0; p < pieces; p++) {
                    b.append(ParserProperties.randomSql(random)).append('\n');
                }
            }
            damagedToo(
                    m,
                    "useractivitylog",
                    UserActivityLogParser.FORMAT,
                    b.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void aLineOverTheMaximumIsReportedWithItsWholeLengthEitherWay() throws IOException {
        String longLine = "x".repeat(MAX * 3);
        byte[] content = (ConnectionLogParserTest.AUTHENTICATED + "\n" + longLine + "\r\n"
                        + ConnectionLogParserTest.FAILURE + "\n" + longLine)
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] stored : List.of(content, Logs.gzip(content))) {
            for (int batch : new int[] {0, 64, 4096}) {
                Result r = read("connectionlog", stored, ConnectionLogParser.FORMAT, batch, batch * 4, WORKERS);
                assertThat(r.events()).hasSize(2);
                assertThat(r.problems()).extracting(p -> p.origin().line()).containsExactly(2L, 4L);
                assertThat(r.problems())
                        .extracting(ReadProblem::message)
                        .allSatisfy(msg ->
                                assertThat(msg).startsWith("a line of " + longLine.length() + " bytes is longer than"));
            }
        }
    }
}
