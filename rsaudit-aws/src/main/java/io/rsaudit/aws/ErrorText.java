package io.rsaudit.aws;

import com.google.re2j.Pattern;
import io.rsaudit.core.redact.Redactor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The text of an {@code .error} file for a call that failed: one line shaped like the AWS CLI's
 * ({@code An error occurred (CODE) when calling the OPERATION operation ...}), which the offline reader quotes in its
 * collection error, naming the IAM action, the account and the region before AWS's message (the reader keeps the
 * first 300 characters). Secrets never appear, should a message ever echo one: every secret the collector's
 * credential providers handed out, what core's {@link Redactor} finds (secret keys, tokens, passwords) and request
 * signatures are masked. Access key ids stay visible, as in every output: they are identifiers, and an
 * investigation needs them.
 */
final class ErrorText {

    /** A request signature (linear-time engine: the message comes from outside). */
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(Signature)=[^,\\s&]+");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** A credential value to mask wherever it appears (too short a value would mask ordinary words, so skipped). */
    void secret(String value) {
        if (value != null && value.length() >= 8) {
            secrets.add(value);
        }
    }

    /** The error file's text for {@code e}, thrown by {@code action} in {@code account}/{@code region}. */
    String of(Action action, String account, String region, Throwable e) {
        return line(code(e), action, account, region, message(e));
    }

    /** The error file's text for a call not made, with the reason in place of AWS's message. */
    String notMade(String code, Action action, String account, String region, String reason) {
        return line(code, action, account, region, reason);
    }

    private String line(String code, Action action, String account, String region, String message) {
        String where = action.iam() + ", account " + (account == null ? "(unknown)" : account)
                + (region == null ? "" : ", region " + region);
        return redact("An error occurred (" + code + ") when calling the " + action.operation() + " operation [" + where
                        + "]: " + oneLine(message))
                + "\n";
    }

    /** {@code CODE: AWS's message (HTTP status)} on one line, redacted: for messages that name the call themselves. */
    String brief(Throwable e) {
        return redact(code(e) + ": " + oneLine(message(e)));
    }

    String redact(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, Redactor.marker(Redactor.SECRET));
        }
        out = Redactor.redact(out);
        return SIGNATURE.matcher(out).replaceAll("$1=" + Redactor.marker(Redactor.SECRET));
    }

    /** The text on one line: each line break, with the blanks around it, becomes one space. */
    static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n'
                    || c == '\r'
                    || c == '\u0085'
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u000b'
                    || c == '\f') {
                while (b.length() > 0 && Character.isWhitespace(b.charAt(b.length() - 1))) {
                    b.setLength(b.length() - 1);
                }
                b.append(' ');
                i++;
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString().strip();
    }

    /** The request id of AWS's answer inside {@code e}, or {@code null} when AWS did not answer (or gave none). */
    static String requestId(Throwable e) {
        if (service(e) instanceof AwsServiceException s) {
            String id = s.requestId();
            return id == null || id.isBlank() ? null : id;
        }
        return null;
    }

    /** AWS's error code, or for a failure on our side (timeout, unknown host) the innermost exception's name. */
    static String code(Throwable e) {
        if (service(e) instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            return code != null && !code.isBlank() ? code : "HTTP " + s.statusCode();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** An error of IAM Identity Center's portal or token service: an SSO profile's credentials failed. */
    private static boolean fromSso(AwsServiceException s) {
        String name = s.getClass().getName();
        return name.startsWith("software.amazon.awssdk.services.sso.")
                || name.startsWith("software.amazon.awssdk.services.ssooidc.");
    }

    /**
     * AWS's answer inside {@code e}, or {@code e}: a credential provider wraps the STS error of a failed AssumeRole in
     * a client exception, and the STS error is what the user needs to see.
     */
    private static Throwable service(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException) {
                return t;
            }
        }
        return e;
    }

    private static String message(Throwable e) {
        if (service(e) instanceof AwsServiceException s
                && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorMessage() != null) {
            return s.awsErrorDetails().errorMessage() + " (HTTP " + s.statusCode() + ")"
                    + (fromSso(s)
                            ? "; IAM Identity Center refused the profile's cached sign-in: run 'aws sso login' for it"
                            : "");
        }
        String m = e.getMessage();
        if (!(e instanceof SdkException) || m == null || m.isBlank()) {
            m = e.toString();
        }
        return m;
    }
}
