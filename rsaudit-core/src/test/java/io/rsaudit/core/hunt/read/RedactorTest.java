package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.redact.Redactor;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    private static String redact(String sql, Set<String> found) {
        return Redactor.redact(sql, found);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '"',
            value = {
                "create user bob password 'Passw0rd!'; => create user bob password '<redacted:password>'; => password",
                "CREATE USER bob WITH PASSWORD 'a''b' VALID UNTIL '2030-01-01'; => CREATE USER bob WITH PASSWORD '<redacted:password>' VALID UNTIL '2030-01-01'; => password",
                "alter user bob password 'md5153f1c0d2b6b8e4b7d3e1a0c9f8e7d6c' ; => alter user bob password '<redacted:password-hash>' ; => password-hash",
                "alter user bob password 'sha256|Mypassword|SALT'; => alter user bob password '<redacted:password-hash>'; => password-hash",
                "alter user bob password 'cut off in the log => alter user bob password '<redacted:password> => password",
                "copy t from 's3://b/k' credentials 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'; => copy t from 's3://b/k' credentials 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;aws_secret_access_key=<redacted:aws-secret-access-key>'; => aws-secret-access-key",
                "unload ('select 1') to 's3://x/' credentials 'aws_access_key_id=ASIAIOSFODNN7EXAMPLE;aws_secret_access_key=abc/def;token=FQoGZXIvYXdzE' => unload ('select 1') to 's3://x/' credentials 'aws_access_key_id=ASIAIOSFODNN7EXAMPLE;aws_secret_access_key=<redacted:aws-secret-access-key>;token=<redacted:aws-session-token>' => aws-secret-access-key,aws-session-token",
                "COPY t FROM 's3://b/k' ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE' SECRET_ACCESS_KEY 'wJalr/K7MDENG' SESSION_TOKEN 'tok'; => COPY t FROM 's3://b/k' ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE' SECRET_ACCESS_KEY '<redacted:aws-secret-access-key>' SESSION_TOKEN '<redacted:aws-session-token>'; => aws-secret-access-key,aws-session-token",
                "copy t from 's3://b/k' iam_role 'arn:aws:iam::1:role/r' master_symmetric_key 'EXAMPLEMASTERKEY=' encrypted; => copy t from 's3://b/k' iam_role 'arn:aws:iam::1:role/r' master_symmetric_key '<redacted:encryption-key>' encrypted; => encryption-key",
                "update users set password = 'x1' where id = 2; => update users set password = '<redacted:password>' where id = 2; => password",
            })
    void redactsSecretShapes(String sql, String expected, String kinds) {
        Set<String> found = new LinkedHashSet<>();
        assertThat(redact(sql, found)).isEqualTo(expected);
        assertThat(Redactor.kinds(found)).isEqualTo(kinds);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "create user bob password '***';",
                "create user bob password '********';",
                "alter user bob password disable;",
                "copy t from 's3://b/k' iam_role 'arn:aws:iam::123456789012:role/Loader';",
                "copy t from 's3://b/k' credentials 'aws_iam_role=arn:aws:iam::123456789012:role/Loader';",
                "select usename, passwd from pg_user;",
                "select * from sales where region = 'ASIA' and token_count > 3;",
                "select secret_santa from party;",
                "select 'AKIAIOSFODNN7EXAMPLE' as access_key_id;",
                "kept in arn:aws:secretsmanager:eu-west-1:111111111111:secret:redshift!prod-dwh-dwh_admin-Xq3T9b",
                "select * from t where note = 'the password is not here';",
            })
    void leavesWhatIsNoSecret(String sql) {
        Set<String> found = new LinkedHashSet<>();
        assertThat(redact(sql, found)).isEqualTo(sql);
        assertThat(found).isEmpty();
    }

    @Test
    void aClauseSpreadOverLinesIsRedacted() {
        Set<String> found = new LinkedHashSet<>();
        assertThat(redact("ALTER USER bob\nPASSWORD\n'secret'\nVALID UNTIL 'infinity'", found))
                .isEqualTo("ALTER USER bob\nPASSWORD\n'<redacted:password>'\nVALID UNTIL 'infinity'");
        assertThat(found).containsExactly("password");
    }

    @Test
    void textWithoutATriggerWordIsReturnedAsIs() {
        String sql = "select count(*) from sales where id = 1";
        assertThat(Redactor.mayContainSecret(sql)).isFalse();
        assertThat(Redactor.redact(sql, new LinkedHashSet<>())).isSameAs(sql);
        byte[] b = "x PassWord 'y".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(SecretScan.mayContainSecret(b, 0, b.length)).isTrue();
        assertThat(SecretScan.mayContainSecret(b, 0, 11)).isFalse();
        assertThat(SecretScan.mayContainSecret(b, 2, b.length)).isTrue();
    }

    /**
     * The first pass reads a copy of the value, in the thread's array or, past 4,096 characters, in one of its own:
     * a clue at the end of a long value is seen, and a short value after a long one is read to its own end only.
     */
    @Test
    void theFirstPassReadsEachValueWholeAndNothingPastIt() {
        for (int n : new int[] {0, 10, 255, 256, 300, 4096, 5000, 100_000}) {
            String filler = "x".repeat(n);
            assertThat(Redactor.mayContainSecret(filler + " token")).as("%d", n).isTrue();
            assertThat(Redactor.mayContainSecret(filler + " pwd='y'"))
                    .as("%d", n)
                    .isTrue();
            assertThat(Redactor.isPlainPrintableAscii(filler)).as("%d", n).isTrue();
            assertThat(Redactor.isPlainPrintableAscii(filler + "\u0007"))
                    .as("%d", n)
                    .isFalse();
            assertThat(Redactor.isPlainPrintableAscii(filler + "é")).as("%d", n).isFalse();
            assertThat(Redactor.mayContainSecret(filler + "tok")).as("%d", n).isFalse();
            assertThat(Redactor.mayContainSecret("xxxen" + filler)).as("%d", n).isFalse();
            assertThat(Redactor.mayContainSecret("tok")).as("after %d", n).isFalse();
        }
    }

    @Test
    void theConnectionLogsAuthMethodPasswordIsNoReasonToRedact() {
        byte[] line = Logs.utf8(ConnectionLogParserTest.AUTHENTICATED);
        assertThat(SecretScan.mayContainSecret(line, 0, line.length)).isFalse();
        assertThat(Redactor.mayContainSecret("password")).isFalse();
    }

    private static final String[] PIECES = {
        "password",
        "PassWord",
        "pass",
        "access_key_id",
        "ACCESS_KEY",
        "secret_access_key",
        "aws_access_key_id",
        "token",
        "TOKEN",
        "session_token",
        "master_symmetric_key",
        "symmetric",
        "AKIAIOSFODNN7EXAMPLE",
        "ASIAIOSFODNN7EXAMPL",
        "akiaiosfodnn7example",
        "AKIA",
        "ASIA",
        "KIA",
        "'",
        "''",
        "=",
        " = ",
        " ",
        "\n",
        "\t",
        ";",
        "x",
        "as",
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
        "E'"
    };

    /**
     * The first pass may only say no when no pattern would change the text: over many texts built from the
     * patterns' own words and characters, in both the String and the byte form.
     */
    @Test
    void theFirstPassNeverHidesASecret() {
        java.util.Random random = new java.util.Random(20240304);
        int positives = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int k = 0; k < pieces; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            Set<String> found = new LinkedHashSet<>();
            boolean changes = !Redactor.redactWithoutPrecheck(text, found).equals(text) || !found.isEmpty();
            boolean may = Redactor.mayContainSecret(text);
            byte[] bytes = Logs.utf8(text);
            assertThat(SecretScan.mayContainSecret(bytes, 0, bytes.length))
                    .as(text)
                    .isEqualTo(may);
            if (changes) {
                positives++;
                assertThat(may).as("first pass on %s", text).isTrue();
            }
        }
        assertThat(positives).as("texts that hold a secret").isGreaterThan(2_000);
    }

    /**
     * The byte form reads eight bytes at a time and looks at the bytes just before a word's rare letter: whatever
     * surrounds the range and wherever it starts, it says what the String form says of the range alone.
     */
    @Test
    void theByteFirstPassLooksOnlyInsideItsRangeWhateverItsAlignment() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(10);
            for (int k = 0; k < pieces; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] text = Logs.utf8(b.toString());
            int from = random.nextInt(text.length + 1);
            int to = from + random.nextInt(text.length - from + 1);
            String inside = new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(SecretScan.mayContainSecret(text, from, to))
                    .as("[%d, %d) of %s", from, to, b)
                    .isEqualTo(Redactor.mayContainSecret(inside));
        }
    }
}
