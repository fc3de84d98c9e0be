package io.rsaudit.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A place the job lists, reads and writes: the local file system for a plain path (named as given, as
 * {@code rsaudit hunt} names local files), or Hadoop's file systems for a URI ({@code s3://}, {@code s3a://},
 * {@code hdfs://}, {@code file:}).
 */
abstract class Store {

    /** One listed entry: its full name (path or URI), its last name part, whether a folder, and its size. */
    record Entry(String path, String name, boolean dir, long size) {}

    static Store of(String location, Configuration conf) {
        return location.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") ? new Hadoop(conf) : new Local();
    }

    abstract boolean hadoop();

    /** The entry itself, or {@code null} when nothing is there. */
    abstract Entry stat(String path) throws IOException;

    /** The entries of a folder in name order; empty when it does not exist. */
    abstract List<Entry> list(String dir) throws IOException;

    abstract String child(String dir, String name);

    abstract InputStream open(String path) throws IOException;

    /** Creates (or replaces) the file, with its parent folders. */
    abstract OutputStream create(String path) throws IOException;

    /** Deletes the folder and everything under it, if it exists. */
    abstract void deleteTree(String dir) throws IOException;

    private static final class Local extends Store {
        @Override
        boolean hadoop() {
            return false;
        }

        @Override
        Entry stat(String path) throws IOException {
            java.nio.file.Path p = java.nio.file.Path.of(path);
            if (!Files.exists(p)) {
                return null;
            }
            boolean dir = Files.isDirectory(p);
            return new Entry(path, String.valueOf(p.getFileName()), dir, dir ? 0 : Files.size(p));
        }

        @Override
        List<Entry> list(String dir) throws IOException {
            java.nio.file.Path d = java.nio.file.Path.of(dir);
            if (!Files.isDirectory(d)) {
                return List.of();
            }
            List<Entry> out = new ArrayList<>();
            try (Stream<java.nio.file.Path> s = Files.list(d)) {
                for (java.nio.file.Path p : s.sorted().toList()) {
                    boolean isDir = Files.isDirectory(p);
                    out.add(new Entry(p.toString(), p.getFileName().toString(), isDir, isDir ? 0 : Files.size(p)));
                }
            } catch (NoSuchFileException e) {
                return List.of();
            }
            return out;
        }

        @Override
        String child(String dir, String name) {
            return java.nio.file.Path.of(dir).resolve(name).toString();
        }

        @Override
        InputStream open(String path) throws IOException {
            return Files.newInputStream(java.nio.file.Path.of(path));
        }

        @Override
        OutputStream create(String path) throws IOException {
            java.nio.file.Path p = java.nio.file.Path.of(path);
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            return Files.newOutputStream(p);
        }

        @Override
        void deleteTree(String dir) throws IOException {
            java.nio.file.Path d = java.nio.file.Path.of(dir);
            if (!Files.exists(d)) {
                return;
            }
            try (Stream<java.nio.file.Path> s = Files.walk(d)) {
                for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static final class Hadoop extends Store {
        private final Configuration conf;

        Hadoop(Configuration conf) {
            this.conf = conf;
        }

        @Override
        boolean hadoop() {
            return true;
        }

        private FileSystem fs(Path p) throws IOException {
            return FileSystem.get(p.toUri(), conf);
        }

        private static Path path(String s) {
            return new Path(URI.create(s));
        }

        @Override
        Entry stat(String path) throws IOException {
            Path p = path(path);
            try {
                FileStatus s = fs(p).getFileStatus(p);
                return new Entry(path, p.getName(), s.isDirectory(), s.getLen());
            } catch (FileNotFoundException e) {
                return null;
            }
        }

        @Override
        List<Entry> list(String dir) throws IOException {
            Path d = path(dir);
            FileStatus[] all;
            try {
                all = fs(d).listStatus(d);
            } catch (FileNotFoundException e) {
                return List.of();
            }
            List<Entry> out = new ArrayList<>();
            for (FileStatus s : all) {
                out.add(new Entry(s.getPath().toString(), s.getPath().getName(), s.isDirectory(), s.getLen()));
            }
            out.sort(Comparator.comparing(Entry::path));
            return out;
        }

        @Override
        String child(String dir, String name) {
            return dir.endsWith("/") ? dir + name : dir + "/" + name;
        }

        @Override
        InputStream open(String path) throws IOException {
            Path p = path(path);
            return fs(p).open(p);
        }

        @Override
        OutputStream create(String path) throws IOException {
            Path p = path(path);
            return fs(p).create(p, true);
        }

        @Override
        void deleteTree(String dir) throws IOException {
            Path d = path(dir);
            fs(d).delete(d, true);
        }
    }
}
