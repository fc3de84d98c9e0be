package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.LogType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fields rules may name ({@link LogType#knows}) are the fields the parsers give, no more and no fewer. */
class ParserFieldNamesTest {

    @Test
    void everyParsedFieldIsKnownToItsLogTypeAndNoOther() {
        check(LogType.CONNECTION_LOG, ConnectionLogParser.NAMES);
        check(LogType.USER_LOG, UserLogParser.NAMES);
        check(LogType.USER_ACTIVITY_LOG, UserActivityLogParser.NAMES);
        for (String known : CloudTrailFlattener.KNOWN) {
            assertThat(LogType.CLOUDTRAIL.knows(known)).as(known).isTrue();
        }
        assertThat(LogType.CLOUDTRAIL.knows("requestParamters.port")).isFalse();
        assertThat(LogType.USER_ACTIVITY_LOG.knows("sqll")).isFalse();
    }

    private static void check(LogType type, String[] names) {
        assertThat(type.rawFields())
                .containsExactlyElementsOf(Arrays.stream(names)
                        .filter(n -> !n.equals("redactions"))
                        .toList());
    }
}
