package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Redactor#scanSql}, the user activity log's first pass: sound like the general one, and exact on ASCII. */
class RedactorScanSqlTest {

    private static final String[] PIECES = {
        "password",
        "PassWord",
        "pass",
        "word",
        "access_key_id",
        "ACCESS_KEY",
        "secret_access_key",
        "aws_access_key_id",
        "aws_secret_access_key",
        "token",
        "TOKEN",
        "session_token",
        "master_symmetric_key",
        "symmetric",
        "_key",
        "key",
        "_id",
        "AKIAIOSFODNN7EXAMPLE",
        "ASIAIOSFODNN7EXAMPL",
        "akiaiosfodnn7example",
        "AKIA",
        "ASIA",
        "KIA",
        "A",
        "'",
        "''",
        "=",
        " = ",
        ">=",
        " ",
        "  ",
        "\n",
        "\t",
        "\u000b",
        "\f",
        "\r",
        ";",
        "x",
        "as",
        "AS",
        " as ",
        "iam_role",
        "md5",
        "***",
        "0123456789ABCDEF",
        "é",
        "\u20ac",
        "_",
        "pwd",
        "secret",
        "client_secret",
        "\"",
        ":",
        "://",
        "@",
        "$$",
        "{",
        "\u00a0",
        "\u200b",
        "/*",
        "*/",
        "--",
        "E'",
        "'2024-03-04'",
        "where day >= "
    };

    private static int scan(String text) {
        byte[] b = Logs.utf8(text);
        return SecretScan.scanSql(b, 0, b.length);
    }

    @Test
    void literalsAndComparisonsAreNoReasonToRedact() {
        assertThat(scan("select region, count(*) from sales where day >= '2024-03-04' group by region order by 2 desc"
                        + " limit 14; -- key password"))
                .isZero();
        assertThat(scan("select 'é' where x = 'y'")).isEqualTo(SecretScan.NON_ASCII);
    }

    @Test
    void eachPatternsKeywordBeforeItsQuoteOrEqualsSignIsSeen() {
        for (String text : new String[] {
            "alter user bob password 'x'",
            "alter user bob PASSWORD\n=\t'x'",
            "copy t SECRET_ACCESS_KEY AS\n'x'",
            "unload session_token 'x'",
            "copy t master_symmetric_key 'x'",
            "credentials 'token = x'",
            "éé password 'x'"
        }) {
            assertThat(scan(text) & SecretScan.MAY_HOLD_SECRET).as(text).isEqualTo(SecretScan.MAY_HOLD_SECRET);
        }
    }

    /**
     * Over many texts built from the patterns' own words, characters and whitespace, in ranges of any alignment:
     * the scan says "no secret" only when no pattern would change the range's text, and its ASCII flag is exact.
     */
    @Test
    void theScanNeverHidesASecretAndTellsTheEncoding() {
        Random random = new Random(20240305);
        int positives = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(10);
            for (int k = 0; k < pieces; k++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] b = Logs.utf8(sb.toString());
            boolean whole = random.nextBoolean();
            int from = whole ? 0 : random.nextInt(b.length + 1);
            int to = whole ? b.length : from + random.nextInt(b.length - from + 1);
            String inside = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            int scan = SecretScan.scanSql(b, from, to);
            assertThat((scan & SecretScan.NON_ASCII) != 0).as(sb.toString()).isEqualTo(!Text.isAscii(b, from, to));
            for (String text : new String[] {inside, new String(b, from, to - from, StandardCharsets.UTF_8)}) {
                Set<String> found = new LinkedHashSet<>();
                boolean changes = !Redactor.redactWithoutPrecheck(text, found).equals(text) || !found.isEmpty();
                if (changes) {
                    positives++;
                    assertThat(scan & SecretScan.MAY_HOLD_SECRET)
                            .as("[%d, %d) of %s", from, to, sb)
                            .isEqualTo(SecretScan.MAY_HOLD_SECRET);
                }
            }
        }
        assertThat(positives).as("texts that hold a secret").isGreaterThan(2_000);
    }

    /**
     * The bytes' first pass answers as the redactor's own first pass on the decoded text, in ranges of any alignment,
     * texts of the stems' pieces, connection-log and SQL words: the scan may not call more texts secret than it
     * did.
     */
    @Test
    void theScanAnswersAsTheRedactorsFirstPass() {
        String[] more = {
            "where ",
            "select ",
            "create ",
            "look",
            "ok",
            "sys",
            "cr",
            "sw",
            "pw",
            "ke",
            "/",
            ":/",
            "//",
            "s3://b/k",
            "|password |0|",
            "Amazon Redshift JDBC Driver 2.1.0.26 ",
            "Tok",
            "SeCr",
            "sYm",
            "PWD",
            "$",
            "@x"
        };
        Random random = new Random(20261207);
        for (int n = 0; n < 300_000; n++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(14);
            for (int k = 0; k < pieces; k++) {
                sb.append(
                        random.nextBoolean()
                                ? PIECES[random.nextInt(PIECES.length)]
                                : more[random.nextInt(more.length)]);
            }
            byte[] b = Logs.utf8(sb.toString());
            int from = random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            assertThat(SecretScan.mayContainSecret(b, from, to))
                    .as("[%d, %d) of %s", from, to, sb)
                    .isEqualTo(Redactor.mayContainSecret(text));
        }
    }
}
