package io.rsaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 #15: a file the CLI writes (a fix plan's --output) is replaced whole or left as it was. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousFileAndNoTemporary() throws Exception {
        Path plan = dir.resolve("plan.sh");
        Files.writeString(plan, "previous");
        assertThatThrownBy(() -> AtomicFiles.write(plan, w -> {
                    w.write("half of a new plan");
                    w.flush();
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(Files.readString(plan)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plan.sh");
        }

        AtomicFiles.write(plan, w -> w.write("new plan"));
        assertThat(Files.readString(plan)).isEqualTo("new plan");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plan.sh");
        }
    }
}
