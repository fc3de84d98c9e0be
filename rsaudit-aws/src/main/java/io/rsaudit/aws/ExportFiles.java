package io.rsaudit.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.AwsCliFormat;
import io.rsaudit.core.source.Export;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Writes the export layout ({@code docs/input-layout.md}) as the answers arrive: one {@code .json} per call as the AWS
 * CLI prints it, or the call's {@code .error}. Paths come from {@link AwsCliCall}, the layout's single source of
 * truth. Folders and files are readable by the owner only where the file system says who owns what: the export
 * describes the estate's security. An account collected replaces the folder an earlier export left for it.
 */
final class ExportFiles implements CallSink {

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path root;
    private final boolean posix;
    private final Instant startedAt;

    /** @param startedAt recorded as each account's collection time */
    ExportFiles(Path root, Instant startedAt) {
        this.startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
        // owner-only on a file system that has permissions (not on Windows)
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.root = root;
    }

    /**
     * A fresh account folder: what an earlier export left there is not mixed with this one. It starts with
     * {@link Export#COLLECTION}, the time the collection began, which the scan measures ages from.
     */
    @Override
    public void account(String account) {
        Path dir = root.resolve(account);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + dir + " for a fresh export", e);
            }
        }
        Path file = dir.resolve(Export.COLLECTION);
        try {
            write(file, ("{\n    \"collectedAt\": \"" + startedAt + "\"\n}\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void answered(
            String account, String region, AwsCliCall call, String resource, List<? extends SdkPojo> pages) {
        json(account, region, call, resource, pages);
    }

    @Override
    public void failed(String account, String region, AwsCliCall call, String resource, String text, String requestId) {
        error(account, region, call, resource, text);
    }

    @Override
    public void regionsFailed(String account, String text) {
        regionsError(account, text);
    }

    /** Where a call's output goes, without its extension: {@code <account>/<region>/redshift/describe-clusters}. */
    Path base(String account, String region, AwsCliCall call, String resource) {
        Path folder = call.regional() ? root.resolve(account).resolve(region) : root.resolve(account);
        String file = resource == null ? call.file() : call.file(resource);
        return folder.resolve(file.substring(0, file.length() - ".json".length()));
    }

    /** The call's answer, its pages merged as {@link CliJson#write} says. */
    void json(String account, String region, AwsCliCall call, String resource, List<? extends SdkPojo> pages) {
        Path base = base(account, region, call, resource);
        Path file = base.resolveSibling(base.getFileName() + ".json");
        // the text is made first and written at once, not in pieces of 8 KB from many call threads
        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
        try {
            JsonGenerator g = JSON.createGenerator(text);
            g.setPrettyPrinter(AwsCliFormat.prettyPrinter());
            CliJson.write(g, call, pages);
            g.flush();
            text.write('\n');
            write(file, text.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void error(String account, String region, AwsCliCall call, String resource, String text) {
        Path base = base(account, region, call, resource);
        error(base.resolveSibling(base.getFileName() + ".error"), text);
    }

    /**
     * The account's region list could not be read: {@code <account>/ec2/describe-regions.error}, the one file of
     * the layout that is not a call of {@link AwsCliCall} (the reader reports it for the account).
     */
    void regionsError(String account, String text) {
        error(root.resolve(account).resolve("ec2").resolve("describe-regions.error"), text);
    }

    private void error(Path file, String text) {
        try {
            write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Creates the folder (and those above it) owner-only. */
    void folder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        folder(dir.getParent());
        try {
            Files.createDirectory(dir, attributes(DIR));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another thread meanwhile
        }
    }

    /**
     * Writes the file whole or not at all: to an owner-only temporary beside it (a dot name, which the reader
     * ignores), renamed into place, so an interrupted export leaves no truncated file for the reader to misread.
     */
    private void write(Path file, byte[] content) throws IOException {
        folder(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".rsaudit-", ".tmp", attributes(FILE));
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
