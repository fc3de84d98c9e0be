package io.rsaudit.aws.hunt;

import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.read.LogInput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One S3 object to read: named by its {@code s3://bucket/key} URI, sized by the listing, typed by its key (or, for a key
 * of neither naming, by {@code --type} and its content), and streamed by GetObject only when the reader opens it (never
 * held whole).
 */
final class S3ObjectInput implements LogInput {

    private final CallerClients clients;
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long size;
    private final Known known;

    S3ObjectInput(CallerClients clients, String bucket, String key, long size, S3LogKey log) {
        this.clients = clients;
        this.s3 = clients.s3();
        this.bucket = bucket;
        this.key = key;
        this.size = size;
        this.known = log == null ? Known.NONE : new Known(log.type(), log.account(), log.region(), log.cluster());
    }

    @Override
    public String name() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }

    @Override
    public Known known() {
        return known;
    }

    @Override
    public InputStream open() throws IOException {
        try {
            return new ObjectStream(s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (SdkException e) {
            throw new AwsReadException("s3:GetObject failed: " + clients.explain(e), e);
        }
    }

    /**
     * The object's bytes as they arrive. A failure while reading is an {@link IOException} (the reader reports it and
     * keeps what it read); closing before the end aborts the connection instead of draining the rest of the object.
     */
    private final class ObjectStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private final long length;
        private long read;
        private boolean ended;

        ObjectStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
            Long l = response.response().contentLength();
            this.length = l == null ? Long.MAX_VALUE : l;
        }

        @Override
        public int read() throws IOException {
            try {
                int c = super.read();
                count(c < 0 ? -1 : 1);
                return c;
            } catch (SdkException e) {
                throw new AwsReadException("s3:GetObject failed while reading: " + clients.explain(e), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                count(n);
                return n;
            } catch (SdkException e) {
                throw new AwsReadException("s3:GetObject failed while reading: " + clients.explain(e), e);
            }
        }

        /** Gzip stops at its last trailer without asking for the end, so every byte read counts as the end too. */
        private void count(int n) {
            if (n < 0) {
                ended = true;
            } else {
                read += n;
                ended |= read >= length;
            }
        }

        /** Whole: the connection goes back to the pool. Not whole: aborted, as draining could mean gigabytes. */
        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }
}
