package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.redact.Redactor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The password and key forms of issue 19 (#2), each as a fixture, and a seeded property test that generates them in
 * many spellings and contexts and asserts that no secret survives redaction.
 */
class RedactorHostileFormsTest {

    private static String redact(String text) {
        return Redactor.redact(text, new LinkedHashSet<>());
    }

    /** Each hostile form, then what the redactor makes of it. */
    private static final String[][] FORMS = {
        // a connection string inside a literal
        {
            "select dblink_connect('host=db port=5439 user=etl password=Hunter2x')",
            "select dblink_connect('host=db port=5439 user=etl password=<redacted:password>')"
        },
        {
            "select 'Server=db;Database=dev;User Id=etl;Password=Hunter2x;'",
            "select 'Server=db;Database=dev;User Id=etl;Password=<redacted:password>;'"
        },
        {
            "select 'jdbc:redshift://db:5439/dev?user=etl&password=Hunter2x&ssl=true'",
            "select 'jdbc:redshift://db:5439/dev?user=etl&password=<redacted:password>&ssl=true'"
        },
        {"select 'postgresql://etl:Hunter2x@db:5439/dev'", "select 'postgresql://etl:<redacted:password>@db:5439/dev'"},
        // a comment between the keyword and the value
        {
            "create user bob PASSWORD /* comment */ 'Hunter2x'",
            "create user bob PASSWORD /* comment */ '<redacted:password>'"
        },
        {
            "create user bob PASSWORD -- comment\n 'Hunter2x'",
            "create user bob PASSWORD -- comment\n '<redacted:password>'"
        },
        // double quotes
        {"create user bob PASSWORD \"Hunter2x\"", "create user bob PASSWORD \"<redacted:password>\""},
        // a no-break space, an em space, a zero-width space after the keyword
        {"create user bob PASSWORD\u00a0'Hunter2x'", "create user bob PASSWORD\u00a0'<redacted:password>'"},
        {"create user bob PASSWORD\u2003'Hunter2x'", "create user bob PASSWORD\u2003'<redacted:password>'"},
        {"create user bob PASSWORD\u200b'Hunter2x'", "create user bob PASSWORD\u200b'<redacted:password>'"},
        // unquoted key
        {
            "copy t from 's3://b/k' ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE' SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY csv",
            "copy t from 's3://b/k' ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE' SECRET_ACCESS_KEY <redacted:aws-secret-access-key> csv"
        },
        // a quoted identifier holding the keyword and a quote must not shift what is read as a literal
        {"create user \"password '\" password 'Hunter2x'", "create user \"password '\" password '<redacted:password>'"},
        {
            "select \"a password '\" from t where p = 'x' and q = password 'Hunter2x'",
            "select \"a password '\" from t where p = 'x' and q = password '<redacted:password>'"
        },
        // SQL quoted in SQL
        {"execute 'create user bob password ''Hunter2x'''", "execute 'create user bob password ''<redacted:password>'''"
        },
        // JSON and printed maps, as in error text and the Data API's request parameters
        {
            "{\"sql\": \"create user bob password 'Hunter2x'\"}",
            "{\"sql\": \"create user bob password '<redacted:password>'\"}"
        },
        {
            "{\"user\":\"awsuser\",\"password\":\"Hunter2x\"}",
            "{\"user\":\"awsuser\",\"password\":\"<redacted:password>\"}"
        },
        {
            "{'SecretAccessKey': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AccessKeyId': 'ASIAIOSFODNN7EXAMPLE'}",
            "{'SecretAccessKey': '<redacted:aws-secret-access-key>', 'AccessKeyId': 'ASIAIOSFODNN7EXAMPLE'}"
        },
        {
            "{\"x-amz-security-token\": \"FQoGZXIvYXdzEJr\"}",
            "{\"x-amz-security-token\": \"<redacted:aws-session-token>\"}"
        },
        // an E string, a dollar-quoted string
        {"create user bob password E'Hunter\\'2x'", "create user bob password E'<redacted:password>'"},
        {"create user bob password $$Hunter2x$$", "create user bob password $$<redacted:password>$$"},
    };

    @Test
    void redactsTheHostileForms() {
        for (String[] form : FORMS) {
            Set<String> found = new LinkedHashSet<>();
            assertThat(Redactor.redact(form[0], found)).as(form[0]).isEqualTo(form[1]);
            assertThat(found).as(form[0]).isNotEmpty();
            assertThat(Redactor.mayContainSecret(form[0])).as(form[0]).isTrue();
        }
    }

    @Test
    void redactionIsIdempotent() {
        String once = redact("create user bob password 'Hunter2x'; select 'password=abc'");
        assertThat(redact(once)).isEqualTo(once);
    }

    @Test
    void hugeInputTakesLinearTime() {
        // one 4 MB statement of nested comments, quotes and keywords: linear, no stack growth
        String unit = "/* password /* 'x' */ password = '' \"password\": ";
        String text = unit.repeat(4_000_000 / unit.length()) + "PASSWORD 'Hunter2x'";
        long start = System.nanoTime();
        String out = redact(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(out).doesNotContain("Hunter2x");
        assertThat(millis).isLessThan(5_000);
    }

    private static final String[] PASSWORD_WORDS = {"password", "PASSWORD", "PassWord", "passwd", "pwd", "db_password"};
    private static final String[] GAPS = {
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u00a0",
        "\u2003",
        "\u3000",
        "\u200b",
        "\ufeff",
        " /* c */ ",
        " /* a /* b */ */ ",
        " -- note\n",
        "\u00a0/**/\u00a0"
    };
    private static final String[] KEY_WORDS = {
        "SECRET_ACCESS_KEY", "secret_access_key", "SESSION_TOKEN", "session_token", "MASTER_SYMMETRIC_KEY",
    };

    /** A secret with a unique core, so that its survival is unambiguous. */
    private static String secret(Random r, String alphabet, int length) {
        StringBuilder b = new StringBuilder("Zq");
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PUNCT = ALNUM + "!#%+-/=~^*@:,.()[]{}<>";

    /** Contexts a statement can reach the redactor in: raw, quoted in SQL, quoted in JSON. */
    private static final List<Function<String, String>> CONTEXTS = List.of(
            s -> s,
            s -> "execute '" + s.replace("'", "''") + "'",
            s -> "{\"sql\":\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}",
            s -> "An error occurred (InvalidParameterValue) when calling the ExecuteStatement operation: " + s);

    @Test
    void noGeneratedSecretSurvives() {
        Random r = new Random(19);
        long deadline = System.nanoTime() + 5_000_000_000L;
        int n = 0;
        for (; n < 50_000 && System.nanoTime() < deadline; n++) {
            String secret;
            String statement;
            switch (r.nextInt(6)) {
                case 0 -> {
                    // PASSWORD <gap> [= <gap>] '<secret>' with quotes doubled inside
                    secret = secret(r, PUNCT + "'\"", 10 + r.nextInt(20));
                    String sep = r.nextBoolean() ? "" : "=" + GAPS[r.nextInt(GAPS.length)];
                    statement = "create user bob " + PASSWORD_WORDS[r.nextInt(PASSWORD_WORDS.length)]
                            + GAPS[r.nextInt(GAPS.length)] + sep + "'" + secret.replace("'", "''") + "' valid until"
                            + " 'infinity'";
                }
                case 1 -> {
                    // PASSWORD "<secret>"
                    secret = secret(r, PUNCT, 10 + r.nextInt(20));
                    statement = "alter user bob password" + GAPS[r.nextInt(GAPS.length)] + "\"" + secret + "\"";
                }
                case 2 -> {
                    // a connection string: password=<secret> delimited by ; or & or space
                    secret = secret(r, ALNUM + "!#%+-/~^*@:,.", 10 + r.nextInt(20));
                    String[] forms = {
                        "Server=db;Uid=etl;Password=" + secret + ";Port=5439",
                        "jdbc:redshift://db:5439/dev?user=etl&password=" + secret + "&ssl=true",
                        "host=db password=" + secret + " dbname=dev",
                        "Driver={Amazon Redshift};PWD={" + secret + "};UID=etl"
                    };
                    statement = "select dblink_connect('" + forms[r.nextInt(forms.length)] + "')";
                }
                case 3 -> {
                    // a URL's user info
                    secret = secret(r, ALNUM + "!$%*+-.~", 10 + r.nextInt(20));
                    statement = "select 'postgresql://etl:" + secret + "@db:5439/dev'";
                }
                case 4 -> {
                    // a COPY key parameter, quoted or not
                    secret = secret(r, ALNUM + "/+", 38);
                    String key = KEY_WORDS[r.nextInt(KEY_WORDS.length)];
                    String value = r.nextBoolean() ? "'" + secret + "'" : secret;
                    statement = "copy t from 's3://b/k' ACCESS_KEY_ID 'AKIAIOSFODNN7EXAMPLE' " + key
                            + GAPS[r.nextInt(GAPS.length)] + (r.nextBoolean() ? "AS " : "") + value + " csv";
                }
                default -> {
                    // a CREDENTIALS string
                    secret = secret(r, ALNUM + "/+", 38);
                    statement = "copy t from 's3://b/k' credentials 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE;"
                            + (r.nextBoolean() ? "aws_secret_access_key=" : "token=") + secret + "' csv";
                }
            }
            // a quoted identifier that holds the keyword and a quote, before the statement
            if (r.nextInt(4) == 0) {
                statement = "select \"password '\" from t; " + statement;
            }
            String text = CONTEXTS.get(r.nextInt(CONTEXTS.size())).apply(statement);
            String out = redact(text);
            assertThat(out).as("%s", text).doesNotContain(secret);
            assertThat(out)
                    .as("%s", text)
                    .contains("AKIAIOSFODNN7EXAMPLE".substring(0, text.contains("AKIA") ? 20 : 0));
        }
        assertThat(n).as("cases run in the time given").isGreaterThan(1_000);
    }
}
