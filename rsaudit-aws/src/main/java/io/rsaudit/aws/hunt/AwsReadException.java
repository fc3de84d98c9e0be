package io.rsaudit.aws.hunt;

import java.io.IOException;

/**
 * A call to AWS that failed while an input was opened or read, as the {@link IOException} the reader turns into a
 * problem. Its text is the whole message ({@code s3:GetObject failed: AccessDenied: Access Denied (HTTP 403)}): the
 * reader quotes the exception, and a class name in front would only add noise.
 */
final class AwsReadException extends IOException {

    private static final long serialVersionUID = 1L;

    AwsReadException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
