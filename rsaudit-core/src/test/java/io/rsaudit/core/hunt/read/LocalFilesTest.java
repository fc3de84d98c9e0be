package io.rsaudit.core.hunt.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a walk of local paths finds, and that it counts or reports everything it does not hand on. */
class LocalFilesTest {

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    private static List<String> names(Path root, LocalFiles.Found f) {
        return f.inputs().stream()
                .map(i -> root.relativize(Path.of(i.name())).toString())
                .toList();
    }

    @Test
    void filesInSortedOrderThroughLinkedFoldersHiddenOnesCounted(@TempDir Path root) throws IOException {
        Path logs = root.resolve("logs");
        touch(logs.resolve("b/2.log"));
        touch(logs.resolve("a/1.log"));
        touch(logs.resolve(".cache/3.log"));
        touch(logs.resolve("a/.DS_Store"));
        touch(root.resolve("elsewhere/4.log"));
        Files.createSymbolicLink(logs.resolve("c"), root.resolve("elsewhere"));

        LocalFiles.Found f = LocalFiles.walk(logs);

        assertThat(names(logs, f)).containsExactly("a/1.log", "b/2.log", "c/4.log");
        assertThat(f.filesLeftOut()).isEqualTo(Map.of(LocalFiles.HIDDEN, 1L));
        assertThat(f.foldersLeftOut()).isEqualTo(Map.of(LocalFiles.HIDDEN, 1L));
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aLinkBackToAFolderAboveIsWalkedOnceAndCounted(@TempDir Path root) throws IOException {
        touch(root.resolve("a/1.log"));
        Files.createSymbolicLink(root.resolve("a/up"), root);

        LocalFiles.Found f = LocalFiles.walk(root);

        assertThat(names(root, f)).containsExactly("a/1.log");
        assertThat(f.foldersLeftOut()).isEqualTo(Map.of(LocalFiles.SYMLINK_LOOP, 1L));
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aLinkToNothingIsAProblemNamingItAndTheWalkGoesOn(@TempDir Path root) throws IOException {
        touch(root.resolve("a/1.log"));
        Files.createSymbolicLink(root.resolve("a/gone.log"), root.resolve("nowhere.log"));

        LocalFiles.Found f = LocalFiles.walk(root);

        assertThat(names(root, f)).containsExactly("a/1.log");
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNREADABLE);
            assertThat(p.origin().file()).endsWith("gone.log");
            assertThat(p.message()).contains("gone.log").contains("nowhere.log");
        });
    }

    @Test
    void aFileIsItselfEvenWhenHiddenAndAMissingPathIsAnError(@TempDir Path root) throws IOException {
        Path hidden = root.resolve(".one.log");
        touch(hidden);
        assertThat(LocalFiles.walk(hidden).inputs())
                .singleElement()
                .satisfies(i -> assertThat(i.name()).isEqualTo(hidden.toString()));
        assertThatThrownBy(() -> LocalFiles.walk(root.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void whatAWalkLeavesOutByItsRulesLeavesNothingUnread() {
        ReadSummary none =
                new ReadSummary(0, Map.of(), Map.of(), 0, 0, 0, 0, Map.of(), 0, null, null, Map.of(), 0, List.of());
        assertThat(none.including(
                                Map.of(LocalFiles.HIDDEN, 2L, LocalFiles.NOT_A_FILE, 1L),
                                Map.of(LocalFiles.HIDDEN, 1L, LocalFiles.SYMLINK_LOOP, 1L),
                                List.of())
                        .partial())
                .isFalse();
    }
}
