package io.rsaudit.fix.apply;

/** A write call AWS refused or could not answer: its error code, message and request id (any may be unknown). */
public final class CallFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String requestId;

    public CallFailure(String code, String message, String requestId) {
        super(message);
        this.code = code == null ? "Unknown" : code;
        this.requestId = requestId;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }
}
