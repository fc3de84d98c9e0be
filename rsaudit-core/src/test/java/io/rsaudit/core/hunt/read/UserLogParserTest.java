package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserLogParserTest {

    @TempDir
    Path dir;

    @Test
    void readsCreateAndTheSuperuserFlag() {
        String content = "101|userlog1 | |create |0|0|0| |1234|5678|Mon, 26 Jun 2023 18:02:47:100\n"
                + "101|userlog1 | |alter |1|1|0| |1234|5679|Mon, 26 Jun 2023 18:02:48:000|\n"
                + "101|userlog2 |userlog1 |rename |1|1|0|\n";
        Logs.Read r = Logs.read(Logs.write(dir, Logs.name("userlog"), Logs.utf8(content)));
        assertThat(r.events()).hasSize(2);
        Event alter = r.events().get(1);
        assertThat(alter.type()).isEqualTo(LogType.USER_LOG);
        assertThat(alter.user()).isEqualTo("userlog1");
        assertThat(alter.action()).isEqualTo("alter");
        assertThat(alter.time()).isEqualTo(Instant.parse("2023-06-26T18:02:48Z"));
        assertThat(alter.fields())
                .containsEntry("usesuper", "1")
                .containsEntry("usecreatedb", "1")
                .containsEntry("oldusername", "")
                .containsEntry("xid", "5679");
        assertThat(r.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.origin().line()).isEqualTo(3);
            assertThat(p.message()).contains("expected 11 '|'-separated fields of a userlog, found 8");
        });
    }
}
