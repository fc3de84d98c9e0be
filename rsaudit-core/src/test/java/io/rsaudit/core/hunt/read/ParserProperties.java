package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every parser fed valid logs damaged at random by {@link Mutations} (bytes flipped, cut short, junk, over-long lines
 * and invalid UTF-8 inserted; stored plain, gzip or truncated gzip): it never throws, and every record is accounted
 * for. Each property runs a fixed number of seeded cases, so the suite stays at seconds and a failure names the seed
 * that replays it: {@code mvn -o test -pl rsaudit-core -Dtest=ParserProperties -Drsaudit.seed=N} runs that one case
 * in every property; {@code -Drsaudit.cases=N} runs more cases.
 */
class ParserProperties {

    static final int MAX = 600;
    private static final int CASES = Integer.getInteger("rsaudit.cases", 300);

    /** One case of a property, given its own seeded mutations. */
    interface Case {
        void run(Mutations m) throws Exception;
    }

    private static Stream<DynamicTest> cases(String property, Case body) {
        return cases(ParserProperties.class, property, body);
    }

    /** {@link #CASES} seeded cases of a property of {@code owner}'s; a failure names the seed that replays it. */
    static Stream<DynamicTest> cases(Class<?> owner, String property, Case body) {
        String replay = System.getProperty("rsaudit.seed");
        long salt = property.hashCode() * 0x9E3779B97F4A7C15L;
        LongStream seeds = replay != null
                ? LongStream.of(Long.parseLong(replay))
                : LongStream.range(0, CASES).map(i -> salt + i);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Mutations m = new Mutations(seed, MAX);
            try {
                body.run(m);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(
                        property + " failed for seed " + seed + " (mutations: " + m + "); replay" + " with -Dtest="
                                + owner.getSimpleName() + " -Drsaudit.seed=" + seed + "\n" + e.getMessage(),
                        e);
            }
        }));
    }

    static LogInput memory(String name, byte[] content) {
        return new Logs.Memory(name, content);
    }

    private static Logs.Read read(String logType, byte[] stored) {
        return Logs.read(
                List.of(memory("p/" + Logs.name(logType), stored)),
                ReadOptions.defaults().withParallelism(1).withRdsdb(true).withMaxRecordBytes(MAX));
    }

    /** Lines as the reader splits them: [from, to) pairs, without the LF and a CR before it. */
    static List<int[]> lines(byte[] content) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length && start == content.length) {
                break;
            }
            if (i == content.length || content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                out.add(new int[] {start, end});
                start = i + 1;
            }
        }
        return out;
    }

    static long nonBlankLines(byte[] content) {
        return lines(content).stream()
                .filter(l -> !Text.isBlank(content, l[0], l[1]))
                .count();
    }

    static void accounted(ReadSummary s) {
        assertThat(s.records())
                .as("records = events + filtered + malformed")
                .isEqualTo(s.events() + s.filteredTotal() + s.malformed());
        assertThat(s.problemCount()).as("every malformed record is a problem").isGreaterThanOrEqualTo(s.malformed());
    }

    private static boolean hasProblem(ReadSummary s, ReadProblem.Kind kind) {
        return s.problems().stream().anyMatch(p -> p.kind() == kind);
    }

    /** A few of the given lines in random order, with LF or CRLF ends and the odd blank line. */
    private static byte[] someLines(Random random, String... lines) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(lines[random.nextInt(lines.length)]).append(random.nextBoolean() ? "\n" : "\r\n");
            if (random.nextInt(5) == 0) {
                b.append(random.nextBoolean() ? "\n" : "  \t\n");
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The line-per-record logs: every non-blank line is a record, an event or a counted problem. */
    private static void everyLineAccounted(Mutations m, String logType, LogType type, byte[] clean) {
        byte[] content = m.mutate(clean, 6);
        Mutations.Storage storage = m.storage();
        ReadSummary s;
        Logs.Read r = read(logType, m.store(content, storage));
        s = r.summary();
        accounted(s);
        long lines = nonBlankLines(content);
        if (storage == Mutations.Storage.TRUNCATED_GZIP) {
            assertThat(s.records()).isLessThanOrEqualTo(lines);
            if (s.problemCount() <= LogReader.PROBLEMS_PER_FILE) {
                assertThat(hasProblem(s, ReadProblem.Kind.TRUNCATED_GZIP))
                        .as("truncation reported: %s", s.problems())
                        .isTrue();
            }
        } else {
            assertThat(s.records()).as("records of %s", s.problems()).isEqualTo(lines);
        }
        if (content == clean && storage != Mutations.Storage.TRUNCATED_GZIP) {
            assertThat(s.problemCount())
                    .as("clean input has no problems: %s", s.problems())
                    .isZero();
            assertThat(s.events()).isEqualTo(lines);
        }
        int lineCount = lines(content).size();
        assertThat(r.events()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.origin().line()).isBetween(1L, (long) lineCount);
        });
    }

    @TestFactory
    Stream<DynamicTest> connectionLogEveryLineIsAnEventOrAProblem() {
        return cases(
                "connection log",
                m -> everyLineAccounted(
                        m,
                        "connectionlog",
                        LogType.CONNECTION_LOG,
                        someLines(
                                m.random(),
                                ConnectionLogParserTest.AUTHENTICATED,
                                ConnectionLogParserTest.LOCAL,
                                ConnectionLogParserTest.FAILURE)));
    }

    static final String[] USERLOG = {
        "101|userlog1 | |create |0|0|0| |1234|5678|Mon, 26 Jun 2023 18:02:47:100",
        "101|userlog1 | |alter |1|1|0| |1234|5679|Mon, 26 Jun 2023 18:02:48:000|",
        "102|bob | |alter |0|0|0|Sun, 31 Dec 2023 00:00:00:000|77|99|Tue, 27 Jun 2023 09:00:00:1"
    };

    @TestFactory
    Stream<DynamicTest> userLogEveryLineIsAnEventOrAProblem() {
        return cases(
                "user log", m -> everyLineAccounted(m, "userlog", LogType.USER_LOG, someLines(m.random(), USERLOG)));
    }

    private static final String SQL_CHARS = "selct *from;'\n\r\t |=[]é\u20ac";
    private static final String[] SQL_PIECES = {
        " password 'Sup3r'",
        " password '***'",
        " AKIAIOSFODNN7EXAMPLE",
        " credentials 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;aws_secret_access_key=abc'",
        "\n-- comment\n"
    };

    static String randomSql(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(121);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(40) == 0) {
                b.append(SQL_PIECES[random.nextInt(SQL_PIECES.length)]);
            } else {
                b.append(SQL_CHARS.charAt(random.nextInt(SQL_CHARS.length())));
            }
        }
        return b.toString();
    }

    private static String randomUser(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    @TestFactory
    Stream<DynamicTest> activityLogRecordsComeBackWithTheirSqlAndMutationsAreAccounted() {
        return cases("user activity log", m -> {
            Random random = m.random();
            StringBuilder b = new StringBuilder();
            List<String> expected = new ArrayList<>();
            List<Long> headerLines = new ArrayList<>();
            int n = random.nextInt(7);
            long line = 1;
            for (int i = 0; i < n; i++) {
                String sql = randomSql(random);
                headerLines.add(line);
                line += sql.chars().filter(c -> c == '\n').count() + 1;
                b.append(UserActivityLogParserTest.header("2023-06-26T18:02:47Z", randomUser(random)))
                        .append(sql)
                        .append('\n');
                String kept = sql.replace("\r\n", "\n").replaceAll("[ \n\r\t]+$", "");
                expected.add(Redactor.redact(kept, new LinkedHashSet<>()));
            }
            byte[] clean = b.toString().getBytes(StandardCharsets.UTF_8);

            Logs.Read r = read("useractivitylog", random.nextBoolean() ? clean : Logs.gzip(clean));
            accounted(r.summary());
            if (r.summary().malformed() == 0) {
                assertThat(r.events()).extracting(Event::sql).containsExactlyElementsOf(expected);
                assertThat(r.events()).extracting(e -> e.origin().line()).containsExactlyElementsOf(headerLines);
            } else {
                assertThat(r.summary().problems())
                        .allSatisfy(p -> assertThat(p.kind()).isEqualTo(ReadProblem.Kind.OVERSIZED));
            }

            byte[] content = m.mutate(clean, 6);
            Mutations.Storage storage = m.storage();
            ReadSummary s = read("useractivitylog", m.store(content, storage)).summary();
            accounted(s);
            if (storage != Mutations.Storage.TRUNCATED_GZIP) {
                long headers = 0;
                long orphans = 0;
                for (int[] l : lines(content)) {
                    if (UserActivityLogParser.isHeader(content, l[0], l[1])) {
                        headers++;
                    } else if (headers == 0 && !Text.isBlank(content, l[0], l[1])) {
                        orphans++;
                    }
                }
                assertThat(s.records()).as("one record per header line").isEqualTo(headers);
                if (s.problemCount() <= LogReader.PROBLEMS_PER_FILE) {
                    long reported = s.problems().stream()
                            .filter(p -> p.kind() == ReadProblem.Kind.ORPHAN_LINES)
                            .mapToLong(p -> Long.parseLong(
                                    p.message().substring(0, p.message().indexOf(' '))))
                            .sum();
                    assertThat(reported)
                            .as("lines before the first header, reported")
                            .isEqualTo(orphans);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> cloudTrailNeverThrowsAndKeepsWhatItRead() {
        byte[] clean = ("{\"Records\":[" + CloudTrailParserTest.MODIFY + ",\n" + CloudTrailParserTest.DENIED + "]}")
                .getBytes(StandardCharsets.UTF_8);
        return cases("cloudtrail", m -> {
            byte[] content = m.mutate(clean, 6);
            Mutations.Storage storage = m.storage();
            Logs.Read r = Logs.read(
                    List.of(memory(
                            "123456789012_CloudTrail_eu-west-1_20230626T1805Z_a1.json.gz", m.store(content, storage))),
                    ReadOptions.defaults().withParallelism(1).withMaxRecordBytes(MAX));
            ReadSummary s = r.summary();
            accounted(s);
            long commas = 0;
            for (byte c : content) {
                commas += c == ',' ? 1 : 0;
            }
            assertThat(s.records())
                    .as("an element of Records follows a comma, but the first")
                    .isLessThanOrEqualTo(commas + 1);
            if (content == clean && storage != Mutations.Storage.TRUNCATED_GZIP) {
                assertThat(r.events()).hasSize(2);
                assertThat(s.problemCount()).isZero();
            }
        });
    }
}
