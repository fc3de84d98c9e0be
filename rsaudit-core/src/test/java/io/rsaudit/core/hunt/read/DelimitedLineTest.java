package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The split reads eight bytes at a time and notes on its way what the secret pre-check needs: over random
 * '|'-lines made of the connection log's own values, secrets and odd bytes, at every alignment in their buffer, it
 * finds the fields a plain split finds and decides "may hold a secret" exactly as the pre-check over the whole line
 * does, so no line that the pre-check would send to redaction escapes it.
 */
class DelimitedLineTest {

    private static final String[] PIECES = {
        "authenticated",
        "dev",
        " ",
        "  ",
        "",
        "password",
        "PASSWORD 'x'",
        "'",
        "=",
        "token=abc",
        "AKIAIOSFODNN7EXAMPLE",
        "ASIA",
        "AKI",
        "A",
        "access_key",
        "symmetric",
        "é",
        "\u20ac",
        "::ffff:10.1.2.3",
        "Mon, 7 Dec 2020 20:01:55:177",
        "Amazon Redshift JDBC Driver",
        "x",
        "0",
        "|"
    };

    @Test
    void theSplitFindsThePlainSplitsFieldsAndThePreChecksAnswer() {
        Random random = new Random(17);
        FileRead file = new FileRead(
                "t",
                LogFileName.of(Logs.name("connectionlog")),
                ReadOptions.defaults().withParallelism(1),
                e -> {});
        boolean[] eager = new boolean[ConnectionLogParser.NAMES.length];
        int maxFields = ConnectionLogParser.NAMES.length - 1;
        // fields past the positioned ones are only counted by the split, and found by the field map
        int[] positioned = {1, 10, maxFields};
        DelimitedLine[] lines = new DelimitedLine[positioned.length];
        for (int k = 0; k < lines.length; k++) {
            lines[k] = new DelimitedLine(file, ConnectionLogParser.NAMES, 1, eager, positioned[k]);
        }
        // mismatches are collected and asserted once: an AssertJ assertion for each field of every line costs
        // seconds
        List<String> wrong = new ArrayList<>();
        int split = 0;
        int secret = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder b = new StringBuilder();
            int fields = 1 + random.nextInt(maxFields + 3);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    b.append('|');
                }
                int pieces = random.nextInt(4);
                for (int k = 0; k < pieces; k++) {
                    b.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
            int before = random.nextInt(9);
            byte[] buf = new byte[before + text.length + random.nextInt(9)];
            System.arraycopy(text, 0, buf, before, text.length);
            int from = before;
            int to = before + text.length;
            List<String> plain = plainSplit(buf, from, to, maxFields);
            boolean expected = SecretScan.mayContainSecret(buf, from, to);
            for (int k = 0; k < lines.length; k++) {
                DelimitedLine line = lines[k];
                boolean ok = line.split(buf, from, to, n + 1);
                String at = " (positioned " + positioned[k] + "): " + b;
                if (ok != (plain != null)) {
                    wrong.add("accepted " + ok + at);
                    continue;
                }
                if (!ok) {
                    continue;
                }
                if (line.count != plain.size()) {
                    wrong.add("count " + line.count + " not " + plain.size() + at);
                    continue;
                }
                for (int f = 0; f < Math.min(positioned[k], plain.size()); f++) {
                    String field = Text.decode(buf, line.start(f), line.end(f), false);
                    if (!field.equals(plain.get(f))) {
                        wrong.add("field " + f + " '" + field + "' not '" + plain.get(f) + "'" + at);
                    }
                }
                if (line.mayHoldSecret(buf, from, to) != expected) {
                    wrong.add("may hold a secret: " + !expected + at);
                }
                FieldMap values = line.fields(buf, from, to);
                for (int f = 0; f < plain.size(); f++) {
                    String want =
                            expected ? Redactor.redact(plain.get(f), new java.util.LinkedHashSet<>()) : plain.get(f);
                    if (!want.equals(values.value(f))) {
                        wrong.add("value " + f + " '" + values.value(f) + "' not '" + want + "'" + at);
                    }
                }
            }
            if (plain == null) {
                continue;
            }
            split++;
            secret += expected ? 1 : 0;
        }
        assertThat(wrong).as("lines split otherwise than the plain split").isEmpty();
        assertThat(split).isGreaterThan(6_000);
        assertThat(secret).isGreaterThan(1_500);
        assertThat(file.type).isEqualTo(LogType.CONNECTION_LOG);
    }

    /** Fields split on every '|', spaces trimmed; a blank field after a last '|' is dropped; null when too many. */
    private static List<String> plainSplit(byte[] b, int from, int to, int maxFields) {
        List<String> raw = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == '|') {
                raw.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (raw.size() == maxFields + 1
                && raw.get(maxFields).replace(" ", "").replace("\t", "").isEmpty()) {
            raw.remove(maxFields);
        }
        if (raw.size() > maxFields) {
            return null;
        }
        List<String> out = new ArrayList<>();
        raw.forEach(f -> out.add(f.replaceAll("^ +| +$", "")));
        return out;
    }
}
