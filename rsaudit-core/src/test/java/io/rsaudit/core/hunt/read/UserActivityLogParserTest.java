package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserActivityLogParserTest {

    @TempDir
    Path dir;

    static String header(String time, String user) {
        return "'" + time + " UTC [ db=dev user=" + user + " pid=26189 userid=100 xid=712798 ]' LOG: ";
    }

    @Test
    void continuationLinesBelongToTheRecordBefore() {
        String content = header("2023-06-26T18:02:47Z", "awsuser") + "select *\n  from sales\nwhere id = 1;\n"
                + header("2023-06-26T18:02:48Z", "etl") + "grant all on schema public to public;\n";
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("useractivitylog"), Logs.gzip(Logs.utf8(content))));
        assertThat(r.events()).hasSize(2);
        Event first = r.events().get(0);
        assertThat(first.type()).isEqualTo(LogType.USER_ACTIVITY_LOG);
        assertThat(first.time()).isEqualTo(Instant.parse("2023-06-26T18:02:47Z"));
        assertThat(first.sql()).isEqualTo("select *\n  from sales\nwhere id = 1;");
        assertThat(first.database()).isEqualTo("dev");
        assertThat(first.user()).isEqualTo("awsuser");
        assertThat(first.action()).isEqualTo("select");
        assertThat(first.fields())
                .containsEntry("pid", "26189")
                .containsEntry("userid", "100")
                .containsEntry("xid", "712798");
        assertThat(first.origin().line()).isEqualTo(1);
        assertThat(r.events().get(1).origin().line()).isEqualTo(4);
        assertThat(r.events().get(1).action()).isEqualTo("grant");
        assertThat(r.summary().problems()).isEmpty();
    }

    /** The first keyword in lower case, past comments and parentheses, a common one without new strings. */
    @Test
    void theVerbIsTheFirstKeywordInLowerCase() {
        assertThat(UserActivityLogParser.verb("  -- report\n/* a */ (SELECT 1)"))
                .isEqualTo("select");
        assertThat(UserActivityLogParser.verb("Select 1")).isSameAs(UserActivityLogParser.verb("sElEcT 2"));
        assertThat(UserActivityLogParser.verb("CREATE USER x")).isEqualTo("create");
        assertThat(UserActivityLogParser.verb("Padb_Fetch_Sample: x")).isEqualTo("padb");
        assertThat(UserActivityLogParser.verb("XSELECT 1")).isEqualTo("xselect");
        assertThat(UserActivityLogParser.verb("SELEC 1")).isEqualTo("selec");
        // outside ASCII, as lower-casing does: U+017F (long s) is not s
        assertThat(UserActivityLogParser.verb("\u017Felect 1")).isEqualTo("\u017Felect");
        assertThat(UserActivityLogParser.verb("\u00C9TAT")).isEqualTo("\u00E9tat");
        assertThat(UserActivityLogParser.verb("  ;")).isNull();
    }

    @Test
    void linesBeforeTheFirstHeaderAreOneProblem() {
        String content = "tail of a record from the previous file\nand more\n"
                + header("2023-06-26T18:02:47Z", "awsuser") + "select 1;\n";
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("useractivitylog"), Logs.utf8(content)));
        assertThat(r.events()).hasSize(1);
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.ORPHAN_LINES);
            assertThat(p.origin().line()).isEqualTo(1);
            assertThat(p.message()).startsWith("2 line(s)");
        });
    }

    @Test
    void passwordsAreRedactedAndNamed() {
        String content = header("2023-06-26T18:02:47Z", "admin") + "create user mallory password 'Sup3rS3cret!';\n"
                + header("2023-06-26T18:02:48Z", "admin") + "alter user bob password '***';\n";
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("useractivitylog"), Logs.utf8(content)));
        assertThat(r.events().get(0).sql()).isEqualTo("create user mallory password '<redacted:password>';");
        assertThat(r.events().get(0).fields()).containsEntry("redactions", "password");
        assertThat(r.events().get(1).sql()).isEqualTo("alter user bob password '***';");
        assertThat(r.events().get(1).fields()).doesNotContainKey("redactions");
    }

    @Test
    void windowIsHalfOpenAndRdsdbIsFiltered() {
        String content = header("2023-06-26T18:00:00Z", "a") + "select 1;\n"
                + header("2023-06-26T18:00:01Z", "rdsdb") + "select 2;\n"
                + header("2023-06-26T18:00:02Z", "b") + "select 3;\n"
                + header("2023-06-26T18:00:03Z", "c") + "select 4;\n";
        Path f = Logs.write(dir, Logs.name("useractivitylog"), Logs.utf8(content));
        Logs.Read r = Logs.read(
                f,
                ReadOptions.defaults()
                        .withWindow(Instant.parse("2023-06-26T18:00:01Z"), Instant.parse("2023-06-26T18:00:03Z")));
        assertThat(r.events()).extracting(Event::user).containsExactly("b");
        assertThat(r.summary().filtered())
                .containsEntry("since", 1L)
                .containsEntry("until", 1L)
                .containsEntry("rdsdb", 1L);
        assertThat(r.summary().first()).isEqualTo(Instant.parse("2023-06-26T18:00:00Z"));
        assertThat(r.summary().last()).isEqualTo(Instant.parse("2023-06-26T18:00:03Z"));
    }

    @Test
    void aTenMegabyteRecordIsReadAndAnOversizedOneSkipped() {
        String big = "select '" + "x".repeat(10 * 1024 * 1024) + "';";
        String content = header("2023-06-26T18:00:00Z", "a") + big + "\n" + header("2023-06-26T18:00:01Z", "b")
                + "select\n'" + "y".repeat(3 << 20) + "'\n;\n" + header("2023-06-26T18:00:02Z", "c") + "select 1;\n";
        Path f = Logs.write(dir, Logs.name("useractivitylog"), Logs.gzip(Logs.utf8(content)));
        Logs.Read r = Logs.read(f);
        assertThat(r.events()).extracting(Event::user).containsExactly("a", "b", "c");
        assertThat(r.events().get(0).sql()).isEqualTo(big);

        Logs.Read small = Logs.read(f, ReadOptions.defaults().withMaxRecordBytes(1 << 20));
        assertThat(small.events()).extracting(Event::user).containsExactly("c");
        assertThat(small.summary().problems())
                .extracting(ReadProblem::kind)
                .containsExactly(ReadProblem.Kind.OVERSIZED, ReadProblem.Kind.OVERSIZED);
        assertThat(small.summary().problems())
                .extracting(p -> p.origin().line())
                .containsExactly(1L, 2L);
        assertThat(small.summary().problems().get(1).message()).contains("lines 2-4");
    }

    @Test
    void aBadHeaderMakesItsWholeRecordMalformed() {
        String content = "'2023-13-26T18:02:47Z UTC [ db=dev user=a pid=1 userid=1 xid=1 ]' LOG: select 1\nmore\n"
                + header("2023-06-26T18:02:48Z", "b") + "select 2;\n";
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("useractivitylog"), Logs.utf8(content)));
        assertThat(r.events()).extracting(Event::user).containsExactly("b");
        assertThat(r.summary().malformed()).isEqualTo(1);
        assertThat(r.summary().problems().get(0).message())
                .contains("bad timestamp")
                .contains("lines 1-2");
    }
}
