package io.rsaudit.aws;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshiftserverless.RedshiftServerlessClient;

/**
 * The SDK clients in the estate's accounts (the assumed role of {@link LiveOptions}, or the caller's own
 * credentials) for code outside the collector: {@code rsaudit fix} makes its write calls with them. Same endpoint
 * override, retries, timeouts and error redaction as a collection.
 */
public final class AccountClients implements AutoCloseable {

    private final ErrorText errorText = new ErrorText();
    private final Clients clients;

    private AccountClients(LiveOptions options) {
        this.clients = new Clients(options, errorText, options.interceptors());
    }

    public static AccountClients open(LiveOptions options) {
        return new AccountClients(options);
    }

    public RedshiftClient redshift(String account, String region) {
        return clients.redshift(account, region);
    }

    public RedshiftServerlessClient serverless(String account, String region) {
        return clients.serverless(account, region);
    }

    public KmsClient kms(String account, String region) {
        return clients.kms(account, region);
    }

    /** AWS's error code, or the name of the failure on this side. */
    public static String code(Throwable e) {
        return ErrorText.code(e);
    }

    /** AWS's request id, or {@code null}. */
    public static String requestId(Throwable e) {
        return ErrorText.requestId(e);
    }

    /** The error's text with credentials masked. */
    public String explain(Throwable e) {
        return errorText.brief(e);
    }

    @Override
    public void close() {
        clients.close();
    }
}
