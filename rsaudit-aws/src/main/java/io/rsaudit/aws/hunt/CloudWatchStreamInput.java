package io.rsaudit.aws.hunt;

import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.read.LogInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * One CloudWatch Logs stream to read, named {@code cloudwatch:<group>/<stream>}: its bytes are the messages of its
 * events in the window, in the order FilterLogEvents returns them, each followed by a newline. The messages carry the
 * same lines as Redshift's S3 files, so the reader parses them alike. Pages are fetched as the reader consumes them,
 * one page (at most 1 MB) held at a time; the log type, account, region and cluster come from the group and the
 * stream's ARN, as the name says none of them in a form the reader knows.
 */
final class CloudWatchStreamInput implements LogInput {

    private final CallerClients clients;
    private final CloudWatchLogsClient logs;
    private final String name;
    private final String group;
    private final String stream;
    private final Instant since;
    private final Instant until;
    private final Known known;

    CloudWatchStreamInput(
            CallerClients clients,
            CloudWatchLogsClient logs,
            String name,
            String group,
            String stream,
            Instant since,
            Instant until,
            Known known) {
        this.clients = clients;
        this.logs = logs;
        this.name = name;
        this.group = group;
        this.stream = stream;
        this.since = since;
        this.until = until;
        this.known = known;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public Known known() {
        return known;
    }

    /** Fetches the first page now, so that a denied or missing group fails here with its own message. */
    @Override
    public InputStream open() throws IOException {
        Pages pages = new Pages();
        pages.fetch();
        return pages;
    }

    /** The events' messages, page by page. */
    private final class Pages extends InputStream {
        private byte[] page = new byte[0];
        private int pos;
        private String token;
        private boolean last;

        void fetch() throws IOException {
            FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                    .logGroupName(group)
                    .logStreamNames(stream)
                    .nextToken(token);
            if (since != null) {
                request.startTime(since.toEpochMilli());
            }
            if (until != null) {
                request.endTime(until.toEpochMilli() - 1); // AWS's endTime is inclusive, the window's end is not
            }
            FilterLogEventsResponse response;
            try {
                response = logs.filterLogEvents(request.build());
            } catch (SdkException e) {
                throw new AwsReadException(
                        "logs:FilterLogEvents failed" + (token == null ? "" : " after the first page") + ": "
                                + clients.explain(e),
                        e);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (FilteredLogEvent e : response.events()) {
                String message = e.message() == null ? "" : e.message();
                // a message that ends its line itself would otherwise leave an empty line between records
                int end = message.endsWith("\r\n")
                        ? message.length() - 2
                        : message.endsWith("\n") ? message.length() - 1 : message.length();
                bytes.writeBytes(message.substring(0, end).getBytes(StandardCharsets.UTF_8));
                bytes.write('\n');
            }
            page = bytes.toByteArray();
            pos = 0;
            // the last page has no token; a token handed back unchanged would never end
            last = response.nextToken() == null || Objects.equals(response.nextToken(), token);
            token = response.nextToken();
        }

        @Override
        public int read() throws IOException {
            return more() ? page[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = Math.min(len, page.length - pos);
            System.arraycopy(page, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Whether a byte is left, fetching the next pages while the one held is used up (a page may be empty). */
        private boolean more() throws IOException {
            while (pos == page.length) {
                if (last) {
                    return false;
                }
                fetch();
            }
            return true;
        }
    }
}
