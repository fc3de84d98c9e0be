package io.rsaudit.testkit.sim;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An error the simulator answers: the AWS error code, its message and the HTTP status. */
record AwsError(String code, String message, int status) {

    private static final Pattern CLI = Pattern.compile("An error occurred \\(([^)]+)\\)(?: when calling the \\S+"
            + " operation)?(?: \\(reached max retries: \\d+\\))?: (.*)");

    /**
     * The error an AWS CLI {@code .error} file describes ("An error occurred (Code) when calling the Op operation:
     * message"); a file the CLI did not write that way answers as an internal failure quoting its first line.
     */
    static AwsError fromCliText(String text, Protocol protocol, String file) {
        for (String line : text.split("\\R")) {
            Matcher m = CLI.matcher(line.strip());
            if (m.matches()) {
                return new AwsError(m.group(1), m.group(2), statusOf(m.group(1), protocol));
            }
        }
        String first = text.strip().isEmpty() ? "(empty)" : text.strip().split("\\R", 2)[0];
        return new AwsError("InternalFailure", "simulator: " + file + " is not AWS CLI error text: " + first, 500);
    }

    /** The status AWS answers a code with: the SDK models list most; these are the ones the export holds. */
    static int statusOf(String code, Protocol protocol) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.equals("requestlimitexceeded") || c.contains("unavailable")) {
            return 503;
        }
        if (c.startsWith("internal")) {
            return 500;
        }
        if (c.equals("authfailure")) {
            return 401;
        }
        if (c.contains("notfound") && protocol == Protocol.QUERY) {
            return 404;
        }
        if (protocol != Protocol.JSON
                && (c.startsWith("accessdenied")
                        || c.equals("unauthorizedoperation")
                        || c.equals("invalidclienttokenid")
                        || c.equals("expiredtoken"))) {
            return 403;
        }
        return 400;
    }
}
