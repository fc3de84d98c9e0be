package io.rsaudit.core.hunt.read;

import io.rsaudit.core.hunt.Origin;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local files a path names: the file itself, or every regular file below a folder in sorted path order (so that
 * runs are repeatable), symbolic links followed. What a walk leaves out is counted by reason and never lost: names
 * starting with '.' ({@link #HIDDEN}, as Hadoop and Spark leave them out), a folder reached again through a link
 * below itself ({@link #SYMLINK_LOOP}, walked once), entries that are neither files nor folders ({@link #NOT_A_FILE}:
 * a FIFO, a socket, a device). A folder or file that cannot be listed or examined is a {@link ReadProblem} naming it,
 * and the walk goes on with the rest.
 */
public final class LocalFiles {

    /** The skip reason of files and folders whose names start with '.'. */
    public static final String HIDDEN = "hidden";

    /** The skip reason of a folder met again below itself through a symbolic link. */
    public static final String SYMLINK_LOOP = "symlink-loop";

    /** The skip reason of an entry that is neither a regular file nor a folder. */
    public static final String NOT_A_FILE = "not-a-file";

    /**
     * What a walk found.
     *
     * @param inputs the files to read, in sorted path order
     * @param filesLeftOut files not read, by reason
     * @param foldersLeftOut folders not entered, by reason
     * @param problems folders and files that could not be listed or examined
     */
    public record Found(
            List<LogInput> inputs,
            Map<String, Long> filesLeftOut,
            Map<String, Long> foldersLeftOut,
            List<ReadProblem> problems) {

        public Found {
            inputs = List.copyOf(inputs);
            filesLeftOut = Map.copyOf(filesLeftOut);
            foldersLeftOut = Map.copyOf(foldersLeftOut);
            problems = List.copyOf(problems);
        }
    }

    private LocalFiles() {}

    /**
     * The files {@code fileOrDir} names.
     *
     * @throws NoSuchFileException when it does not exist
     */
    public static Found walk(Path fileOrDir) throws NoSuchFileException {
        if (!Files.exists(fileOrDir)) {
            throw new NoSuchFileException(fileOrDir.toString());
        }
        if (!Files.isDirectory(fileOrDir)) {
            return new Found(List.of(LogInput.of(fileOrDir)), Map.of(), Map.of(), List.of());
        }
        Walker walker = new Walker(fileOrDir);
        try {
            Files.walkFileTree(fileOrDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);
        } catch (IOException e) {
            // the visitor itself throws nothing: only the root's own failure ends here
            walker.problem(fileOrDir, e);
        }
        walker.files.sort(Comparator.naturalOrder());
        return new Found(
                walker.files.stream().map(LogInput::of).toList(),
                walker.filesLeftOut,
                walker.foldersLeftOut,
                walker.problems);
    }

    private static final class Walker extends SimpleFileVisitor<Path> {
        final Path root;
        final List<Path> files = new ArrayList<>();
        final Map<String, Long> filesLeftOut = new LinkedHashMap<>();
        final Map<String, Long> foldersLeftOut = new LinkedHashMap<>();
        final List<ReadProblem> problems = new ArrayList<>();

        Walker(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && hidden(dir)) {
                foldersLeftOut.merge(HIDDEN, 1L, Long::sum);
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file)) {
                filesLeftOut.merge(HIDDEN, 1L, Long::sum);
            } else if (attrs.isSymbolicLink()) {
                // followed links are seen as their targets: this one's does not exist
                problem(file, "a symbolic link to nothing (" + target(file) + ")");
            } else if (attrs.isRegularFile()) {
                files.add(file);
            } else {
                filesLeftOut.merge(NOT_A_FILE, 1L, Long::sum);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                foldersLeftOut.merge(SYMLINK_LOOP, 1L, Long::sum);
            } else {
                problem(file, e);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                problem(dir, e);
            }
            return FileVisitResult.CONTINUE;
        }

        void problem(Path where, IOException e) {
            problem(
                    where,
                    "cannot be listed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }

        void problem(Path where, String what) {
            String name = where.toString();
            problems.add(new ReadProblem(new Origin(name, 0, 0), ReadProblem.Kind.UNREADABLE, name + ": " + what));
        }

        private static String target(Path link) {
            try {
                return Files.readSymbolicLink(link).toString();
            } catch (IOException e) {
                return "its target unreadable";
            }
        }

        private static boolean hidden(Path p) {
            Path name = p.getFileName();
            return name != null && name.toString().startsWith(".");
        }
    }
}
