package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionLogParserTest {

    @TempDir
    Path dir;

    // the shape of amazon-redshift-utils' test lines (21 fields, padded, no trailing '|')
    static final String AUTHENTICATED = "authenticated |Mon, 7 Dec 2020 20:01:55:177|::ffff:10.11.12.16 |51432 "
            + "|1073815778|dev |awsuser |password |0|TLSv1.2 |ECDHE-RSA-AES256-GCM-SHA384 |0| | | |JDBC-1.2.54.1082"
            + " |Linux 5.4.0-1086-aws amd64 |Amazon Redshift JDBC Driver 1.2.54.1082 |none |0|02d54c77-8302-4ae6-8e83";
    static final String LOCAL = "initiating session |Sun, 01 Jan 2023 00:00:12:212|[local] | |1234|testdb |rdsdb "
            + "|Ident |0| | |0| | | | | | | |0|03e74c8e-c3cb-4a98-a3d9";
    static final String FAILURE = "authentication failure |Sun, 01 Jan 2023 00:00:13:001|::ffff:203.0.113.9 "
            + "|40000 |4321|dev |admin |password |0| | |0| | | | | | | |0|03e74c8e-c3cb-4a98-a3d9|";

    @Test
    void readsTheCommonFieldsOfARecord() {
        Path f = Logs.write(dir, Logs.name("connectionlog"), Logs.gzip(Logs.utf8(AUTHENTICATED + "\n")));
        Event e = Logs.read(f).only();
        assertThat(e.type()).isEqualTo(LogType.CONNECTION_LOG);
        assertThat(e.time()).isEqualTo(Instant.parse("2020-12-07T20:01:55.177Z"));
        assertThat(e.account()).isEqualTo("123456789012");
        assertThat(e.region()).isEqualTo("us-east-1");
        assertThat(e.cluster()).isEqualTo("prod-dw");
        assertThat(e.database()).isEqualTo("dev");
        assertThat(e.user()).isEqualTo("awsuser");
        assertThat(e.sourceAddress()).isEqualTo("10.11.12.16");
        assertThat(e.action()).isEqualTo("authenticated");
        assertThat(e.outcome()).isEqualTo(EventOutcome.SUCCESS);
        assertThat(e.tlsVersion()).isEqualTo("TLSv1.2");
        assertThat(e.fields())
                .containsEntry("remotehost", "::ffff:10.11.12.16")
                .containsEntry("remoteport", "51432")
                .containsEntry("sessionid", "02d54c77-8302-4ae6-8e83")
                .containsEntry("mtu", "0")
                .containsEntry("application_name", "JDBC-1.2.54.1082")
                .doesNotContainKey("compression")
                .doesNotContainKey("redactions");
        assertThat(e.origin().toString()).endsWith("connectionlog_2023-06-26T18:00.gz:1");
        assertThat(e.field("sslcipher")).isEqualTo("ECDHE-RSA-AES256-GCM-SHA384");
    }

    @Test
    void failureIsAFailureLocalIsKeptAndRdsdbIsDroppedButCounted() {
        Path f = Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(LOCAL + "\r\n" + FAILURE + "\r\n"));
        Logs.Read r = Logs.read(f);
        Event e = r.only();
        assertThat(e.outcome()).isEqualTo(EventOutcome.FAILURE);
        assertThat(e.tlsVersion()).isNull();
        assertThat(e.sourceAddress()).isEqualTo("203.0.113.9");
        assertThat(e.fields()).containsEntry("sessionid", "03e74c8e-c3cb-4a98-a3d9");
        assertThat(r.summary().filtered()).containsEntry("rdsdb", 1L);
        assertThat(r.summary().records()).isEqualTo(2);

        Event local =
                Logs.read(f, ReadOptions.defaults().withRdsdb(true)).events().get(0);
        assertThat(local.sourceAddress()).isEqualTo("[local]");
        assertThat(local.user()).isEqualTo("rdsdb");
        assertThat(local.time()).isEqualTo(Instant.parse("2023-01-01T00:00:12.212Z"));
    }

    @Test
    void malformedLinesAreReportedWithTheirLineAndTheRestIsRead() {
        String content = AUTHENTICATED + "\nnot|enough|fields\n\n"
                + AUTHENTICATED.replace("Mon, 7 Dec 2020", "Mon, 7 Dex 2020") + "\n" + AUTHENTICATED;
        Path f = Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(content));
        Logs.Read r = Logs.read(f);
        assertThat(r.events()).hasSize(2);
        assertThat(r.events().get(1).origin().line()).isEqualTo(5);
        assertThat(r.summary().malformed()).isEqualTo(2);
        assertThat(r.summary().records()).isEqualTo(4);
        assertThat(r.summary().problems()).extracting(p -> p.origin().line()).containsExactly(2L, 4L);
        assertThat(r.summary().problems().get(0).message()).contains("found 3");
        assertThat(r.summary().problems().get(1).message()).contains("bad recordtime 'Mon, 7 Dex 2020");
    }

    @Test
    void aLineLongerThanTheMaximumIsSkippedWithoutStoppingTheFile() {
        String big = "x".repeat(10 * 1024 * 1024);
        Path f = Logs.write(
                dir,
                Logs.name("connectionlog"),
                Logs.gzip(Logs.utf8(AUTHENTICATED + "\n" + big + "\n" + AUTHENTICATED + "\n")));
        Logs.Read r = Logs.read(f, ReadOptions.defaults().withParallelism(1).withMaxRecordBytes(1 << 20));
        assertThat(r.events()).extracting(e -> e.origin().line()).containsExactly(1L, 3L);
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.OVERSIZED);
            assertThat(p.origin().line()).isEqualTo(2);
        });
        // with the default maximum (16 MiB) the same line is read, and is malformed (one field)
        Logs.Read whole = Logs.read(f);
        assertThat(whole.summary().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ReadProblem.Kind.MALFORMED));
    }

    @Test
    void invalidUtf8IsReplacedAndReportedOncePerFile() {
        byte[] a = Logs.utf8(AUTHENTICATED.replace("awsuser", "aws\u00e9") + "\n");
        byte[] bad = Logs.utf8(AUTHENTICATED.replace("awsuser", "awsXX") + "\n");
        bad[AUTHENTICATED.indexOf("awsuser") + 3] = (byte) 0xff;
        bad[AUTHENTICATED.indexOf("awsuser") + 4] = (byte) 0xfe;
        byte[] all = new byte[a.length + 2 * bad.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(bad, 0, all, a.length, bad.length);
        System.arraycopy(bad, 0, all, a.length + bad.length, bad.length);
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("connectionlog"), all));
        assertThat(r.events())
                .extracting(Event::user)
                .containsExactly("aws\u00e9", "aws\ufffd\ufffd", "aws\ufffd\ufffd");
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.INVALID_UTF8);
            assertThat(p.origin().line()).isEqualTo(2);
            assertThat(p.message()).contains("2 line(s)");
        });
    }

    @Test
    void secretsInFreeTextFieldsAreRedacted() {
        String line = AUTHENTICATED.replace(
                "JDBC-1.2.54.1082 ", "etl AKIAIOSFODNN7EXAMPLE postgres://etl:S3cret@db password=hunter2 ");
        Event e = Logs.read(Logs.write(dir, Logs.name("connectionlog"), Logs.utf8(line)))
                .only();
        // the access key id is an identifier and stays; the passwords go
        assertThat(e.fields().get("application_name"))
                .isEqualTo(
                        "etl AKIAIOSFODNN7EXAMPLE postgres://etl:<redacted:password>@db password=<redacted:password>");
        assertThat(e.fields()).containsEntry("redactions", "password");
    }
}
