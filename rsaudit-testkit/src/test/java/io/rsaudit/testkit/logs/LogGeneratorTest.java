package io.rsaudit.testkit.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.EventOutcome;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.LocalFiles;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.LogReader;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogGeneratorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyInjectionIsReadAtItsManifestLineAndTheRestIsQuiet(boolean gzip) throws IOException {
        LogGenerator.Spec spec =
                new LogGenerator.Spec(3_000_000, gzip, 7, Instant.parse("2024-03-04T08:00:00Z"), 2, 2_000);
        LogGenerator.Result result = new LogGenerator(spec).generate(dir);
        List<LogInput> inputs =
                new ArrayList<>(LocalFiles.walk(dir.resolve("AWSLogs")).inputs());
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        ReadSummary s = LogReader.read(inputs, ReadOptions.defaults().withParallelism(2), events::add);

        assertThat(s.problems()).isEmpty();
        assertThat(s.records()).isEqualTo(result.records());
        assertThat(s.events()).isEqualTo(result.records());
        assertThat(result.bytes()).isGreaterThanOrEqualTo(3_000_000);
        assertThat(EnumSet.copyOf(s.perType().keySet())).containsExactlyInAnyOrder(LogType.values());
        assertThat(result.injections().stream()
                        .map(LogGenerator.Injection::scenario)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Scenario.values());
        assertThat(Files.readAllLines(result.manifest()))
                .hasSize(result.injections().size() + 1);

        Map<String, Event> byOrigin = new HashMap<>();
        for (Event e : events) {
            byOrigin.put(
                    dir.relativize(Path.of(e.origin().file())) + ":"
                            + e.origin().line(),
                    e);
        }
        for (LogGenerator.Injection i : result.injections()) {
            Event e = byOrigin.get(i.file() + ":" + i.line());
            assertThat(e)
                    .as("event at %s:%d for %s", i.file(), i.line(), i.scenario())
                    .isNotNull();
            assertThat(e.type()).isEqualTo(i.type());
            switch (i.type()) {
                case CONNECTION_LOG ->
                    assertThat(i.what()).startsWith(e.action() + " " + e.user() + " from " + e.sourceAddress());
                case USER_ACTIVITY_LOG -> {
                    if (i.scenario() == Scenario.CREDENTIALS_IN_COPY) {
                        // the secret key is redacted; the access key id stays, an identifier investigators pivot on
                        assertThat(e.sql())
                                .doesNotContain("wJalrXUtnFEMI")
                                .contains("<redacted:aws-secret-access-key>")
                                .contains("AKIAIOSFODNN7EXAMPLE");
                    } else {
                        assertThat(e.sql()).isEqualTo(i.what());
                    }
                }
                case USER_LOG -> assertThat(i.what()).startsWith(e.action() + " " + e.user());
                case CLOUDTRAIL -> assertThat(i.what()).startsWith(e.action() + " ");
            }
        }

        Set<String> injected =
                result.injections().stream().map(i -> i.file() + ":" + i.line()).collect(Collectors.toSet());
        List<Event> benign = byOrigin.entrySet().stream()
                .filter(en -> !injected.contains(en.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(benign).hasSize(events.size() - result.injections().size());
        assertThat(benign).allSatisfy(e -> {
            assertThat(e.outcome()).isNotEqualTo(EventOutcome.FAILURE);
            assertThat(e.type()).isNotEqualTo(LogType.USER_LOG);
            if (e.type() == LogType.CONNECTION_LOG) {
                assertThat(e.sourceAddress()).startsWith("10.");
                assertThat(e.tlsVersion()).isEqualTo("TLSv1.2");
            }
            if (e.type() == LogType.USER_ACTIVITY_LOG) {
                assertThat(e.sql())
                        .doesNotContainIgnoringCase("grant")
                        .doesNotContainIgnoringCase("pg_")
                        .doesNotContainIgnoringCase(" user ")
                        .doesNotContain("redacted");
                if (e.sql().startsWith("unload") || e.sql().startsWith("copy")) {
                    assertThat(e.sql()).contains("s3://" + LogGenerator.ALLOWED_BUCKET + "/");
                }
            }
            if (e.type() == LogType.CLOUDTRAIL) {
                assertThat(e.action()).startsWith("redshift:Describe");
            }
        });
    }
}
