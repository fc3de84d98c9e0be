package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.testing.Estate;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code .error} file written by Windows PowerShell ({@code 2>} writes UTF-16LE with a byte order mark in 5.1)
 * or with a UTF-8 byte order mark reads as text, not as bytes with NULs in between.
 */
class ErrorFileEncodingTest {

    static final String ERROR = "111111111111/eu-west-1/redshift/describe-cluster-snapshots.error";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"UTF-16LE,true", "UTF-16LE,false", "UTF-16BE,true", "UTF-16BE,false", "UTF-8,true", "UTF-8,false"})
    void errorFileInAnyCliEncodingGivesItsMessage(String charset, boolean bom) {
        String text = (bom ? "\uFEFF" : "") + "\r\nAn error occurred (AccessDenied) when calling the"
                + " DescribeClusterSnapshots operation: not authorized\r\n";
        Inventory inv = Estate.in(dir)
                .bytes(ERROR, text.getBytes(Charset.forName(charset)))
                .load();
        assertThat(inv.errors())
                .filteredOn(e -> e.kind() == Kind.CALL_FAILED)
                .extracting(CollectionError::message)
                .containsExactly("aws redshift describe-cluster-snapshots failed: An error occurred (AccessDenied)"
                        + " when calling the DescribeClusterSnapshots operation: not authorized");
    }

    @ParameterizedTest
    @CsvSource({"UTF-16LE", "UTF-16BE", "UTF-8"})
    void decodeTextHandlesByteOrderMarks(String charset) {
        byte[] bytes = ("\uFEFF" + "é error").getBytes(Charset.forName(charset));
        assertThat(ExportFolder.decodeText(bytes)).isEqualTo("é error");
        assertThat(ExportFolder.decodeText("plain".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("plain");
    }
}
