package io.rsaudit.core.hunt.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip file's content, every member of it, with nothing after the last member left unsaid.
 *
 * <p>{@link GZIPInputStream} looks for another member only when {@link InputStream#available()} says bytes follow
 * (or enough are left in its buffer), and a network stream (an S3 object) may say 0 at a member's end: every later
 * member was then lost without a word. And when what follows a member is not a gzip header, it ends there as if the
 * file ended. Here the stored bytes answer {@code available()} truthfully (by reading ahead one byte when they would
 * say 0), and at the end, bytes left after the last member (in the buffer or in the file) are a {@link ZipException}.
 * Everything the members held is handed out first, exactly as {@link GZIPInputStream} does: a truncated member is its
 * {@link java.io.EOFException} after the bytes before the break.
 */
final class GzipMembers extends GZIPInputStream {

    /** A member's trailer: CRC-32 and size, 4 bytes each. */
    private static final int TRAILER = 8;

    private final Stored stored;
    private boolean ended;

    private GzipMembers(Stored stored, int buffer) throws IOException {
        super(stored, buffer);
        this.stored = stored;
    }

    /** Reads the first member's header at once: a header that is not gzip fails here. */
    static GzipMembers of(InputStream in, int buffer) throws IOException {
        return new GzipMembers(new Stored(in), buffer);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && !ended) {
            ended = true;
            // at the end, the inflater still counts the last member's trailer and whatever followed it in the buffer
            if (inf.getRemaining() > TRAILER || stored.read() >= 0) {
                throw new ZipException("bytes after the last complete gzip member are not gzip");
            }
        }
        return n;
    }

    /** The stored bytes, saying whether more follow even where the source would answer 0. */
    private static final class Stored extends PushbackInputStream {

        Stored(InputStream in) {
            super(in, 1);
        }

        @Override
        public int available() throws IOException {
            int n = super.available();
            if (n > 0) {
                return n;
            }
            int next = read();
            if (next < 0) {
                return 0;
            }
            unread(next);
            return 1;
        }
    }
}
