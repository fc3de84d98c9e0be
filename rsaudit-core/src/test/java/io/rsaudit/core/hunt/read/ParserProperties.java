package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every parser fed valid logs mutated at random (bytes flipped, '|', newlines, CR, quotes, invalid UTF-8 and NULs
 * inserted, the whole cut short, gzip or not): it never throws, and every record is accounted for. Bounded tries
 * keep the suite to seconds.
 */
class ParserProperties {

    private static final int MAX = 600;

    /** A mutation: at a relative position (0..1), insert, replace or cut. */
    record Mutation(double at, int kind, byte value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> bytes = Arbitraries.oneOf(Arbitraries.of((byte) '|', (byte) '\n', (byte) '\r', (byte) '\'',
                (byte) 0, (byte) 0xff, (byte) 0xc3, (byte) ' ', (byte) '{', (byte) '"', (byte) ']'),
                Arbitraries.bytes());
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 2), bytes)
                .as(Mutation::new).list().ofMaxSize(8);
    }

    static byte[] mutate(byte[] in, List<Mutation> ms) {
        List<Byte> b = new ArrayList<>(in.length);
        for (byte x : in) {
            b.add(x);
        }
        for (Mutation m : ms) {
            int at = (int) Math.min(b.size(), Math.floor(m.at() * b.size()));
            switch (m.kind()) {
                case 0 -> b.add(at, m.value());
                case 1 -> {
                    if (at < b.size()) {
                        b.set(at, m.value());
                    }
                }
                default -> {
                    if (at < b.size() && m.value() > 100) {
                        b.subList(at, b.size()).clear();
                    }
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    static LogInput memory(String name, byte[] content) {
        return new LogInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OptionalLong size() {
                return OptionalLong.of(content.length);
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    static Logs.Read read(String logType, byte[] content, boolean gzip) {
        byte[] stored = gzip ? Logs.gzip(content) : content;
        return Logs.read(List.of(memory("p/" + Logs.name(logType), stored)),
                ReadOptions.defaults().withParallelism(1).withRdsdb(true).withMaxRecordBytes(MAX));
    }

    /** Lines as the reader splits them, CR before LF dropped, blank ones (spaces and tabs) left out. */
    static long nonBlankLines(byte[] content) {
        long n = 0;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                boolean blank = true;
                int end = i > start && i < content.length && content[i - 1] == '\r' ? i - 1 : i;
                if (i == content.length && end > start && content[end - 1] == '\r') {
                    end--;
                }
                for (int k = start; k < end && blank; k++) {
                    blank = content[k] == ' ' || content[k] == '\t';
                }
                if (!blank && !(i == content.length && start == content.length)) {
                    n++;
                }
                start = i + 1;
            }
        }
        return n;
    }

    static void accounted(ReadSummary s) {
        assertThat(s.records()).isEqualTo(s.events() + s.filteredTotal() + s.malformed());
        assertThat(s.problemCount()).isGreaterThanOrEqualTo(s.malformed());
    }

    private static final String CONNECTION = ConnectionLogParserTest.AUTHENTICATED + "\n"
            + ConnectionLogParserTest.LOCAL + "\r\n" + ConnectionLogParserTest.FAILURE + "\n";

    @Property(tries = 300)
    void connectionLogEveryLineIsAnEventOrAProblem(@ForAll("mutations") List<Mutation> ms, @ForAll boolean gzip) {
        byte[] content = mutate(CONNECTION.getBytes(StandardCharsets.UTF_8), ms);
        Logs.Read r = read("connectionlog", content, gzip);
        accounted(r.summary());
        assertThat(r.summary().records()).isEqualTo(nonBlankLines(content));
        assertThat(r.events()).allSatisfy(e -> assertThat(e.type()).isEqualTo(LogType.CONNECTION_LOG));
    }

    private static final String USERLOG = "101|userlog1 | |create |0|0|0| |1234|5678|Mon, 26 Jun 2023 18:02:47:100\n"
            + "101|userlog1 | |alter |1|1|0| |1234|5679|Mon, 26 Jun 2023 18:02:48:000|\n";

    @Property(tries = 300)
    void userLogEveryLineIsAnEventOrAProblem(@ForAll("mutations") List<Mutation> ms, @ForAll boolean gzip) {
        byte[] content = mutate(USERLOG.getBytes(StandardCharsets.UTF_8), ms);
        Logs.Read r = read("userlog", content, gzip);
        accounted(r.summary());
        assertThat(r.summary().records()).isEqualTo(nonBlankLines(content));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> activity() {
        Arbitrary<String> users = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> sql = Arbitraries.strings().withChars("selct *from;'\n\r\t |=[]é\u20ac")
                .ofMaxLength(120);
        return Combinators.combine(users, sql).as(Tuple::of).list().ofMaxSize(6);
    }

    @Property(tries = 300)
    void activityLogRecordsComeBackWithTheirSqlAndMutationsAreAccounted(
            @ForAll("activity") List<Tuple.Tuple2<String, String>> records, @ForAll("mutations") List<Mutation> ms,
            @ForAll boolean gzip) {
        StringBuilder b = new StringBuilder();
        for (Tuple.Tuple2<String, String> rec : records) {
            b.append(UserActivityLogParserTest.header("2023-06-26T18:02:47Z", rec.get1())).append(rec.get2())
                    .append('\n');
        }
        byte[] content = b.toString().getBytes(StandardCharsets.UTF_8);
        Logs.Read r = read("useractivitylog", content, gzip);
        accounted(r.summary());
        List<String> expected = new ArrayList<>();
        for (Tuple.Tuple2<String, String> rec : records) {
            String sql = rec.get2().replace("\r\n", "\n").replaceAll("[ \n\r\t]+$", "");
            if (sql.endsWith("\r")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            expected.add(Redactor.redact(sql, new LinkedHashSet<>()));
        }
        if (r.summary().malformed() == 0) {
            assertThat(r.events()).extracting(Event::sql).containsExactlyElementsOf(expected);
        } else {
            assertThat(r.summary().problems()).allSatisfy(p ->
                    assertThat(p.kind()).isEqualTo(ReadProblem.Kind.OVERSIZED));
        }

        Logs.Read mutated = read("useractivitylog", mutate(content, ms), gzip);
        accounted(mutated.summary());
    }

    @Property(tries = 200)
    void cloudTrailNeverThrowsAndKeepsWhatItRead(@ForAll("mutations") List<Mutation> ms, @ForAll boolean gzip) {
        String json = "{\"Records\":[" + CloudTrailParserTest.MODIFY + ",\n" + CloudTrailParserTest.DENIED + "]}";
        byte[] content = mutate(json.getBytes(StandardCharsets.UTF_8), ms);
        byte[] stored = gzip ? Logs.gzip(content) : content;
        Logs.Read r = Logs.read(List.of(memory("123456789012_CloudTrail_eu-west-1_20230626T1805Z_a1.json.gz",
                stored)), ReadOptions.defaults().withParallelism(1).withMaxRecordBytes(MAX));
        accounted(r.summary());
        assertThat(r.summary().records()).isLessThanOrEqualTo(2 + 8);
        if (ms.isEmpty()) {
            assertThat(r.events()).hasSize(2);
        }
        if (r.summary().events() < 2 && ms.isEmpty()) {
            throw new AssertionError("unmutated input lost records");
        }
    }
}
