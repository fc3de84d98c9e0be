package io.rsaudit.core.source;

import io.rsaudit.core.model.Reason;
import java.util.function.Consumer;

/** What an {@link Export} holds for one call: its answer, or why there is none. */
public sealed interface CallOutput {

    /** The call's answer: one page or several, in order (an export's files, or a live call's responses). */
    non-sealed interface Answer extends CallOutput {

        /** Where the answer is (its first page), for values read from the answer as a whole. */
        String location();

        /**
         * Hands every element of the call's list member ({@link AwsCliCall#listMember()}) to {@code sink}, page
         * after page, each as soon as it is read, with its provenance ({@code <page location>#/<list>/<index>}).
         * What cannot be read is reported to {@code diagnostics}, and what could be read before it is still handed
         * out.
         *
         * @param response what is read of a page as a whole (the members besides the list)
         * @param element what is read of each element
         * @return whether everything was read
         */
        boolean elements(
                AwsCliCall call,
                Projection response,
                Projection element,
                Diagnostics diagnostics,
                Consumer<ResponseObject> sink);

        /** The answer of a call that returns one document, or {@code null} when it cannot be read (reported). */
        ResponseObject document(Projection shape, Diagnostics diagnostics);
    }

    /** Why a call has no answer. */
    enum Cause {
        /** The call was not made, or its output is absent from the export. */
        NOT_COLLECTED,
        /** The call was made and failed (access denied, throttled, timed out...): the error is kept. */
        CALL_FAILED,
        /** The output is there but cannot be read at all (its folder cannot be listed). */
        UNREADABLE
    }

    /**
     * No answer.
     *
     * @param cause why
     * @param location where the answer (or, for a failed call, its error) is or would be
     * @param reason the whole reason, for the values that stay unknown: names {@code location} and, for a failed
     *     call, the error
     * @param error for a failed call, the error as the collector recorded it (one line naming the action, the
     *     account, the region and AWS's error code); else {@code null}
     */
    record Missing(Cause cause, String location, String reason, String error) implements CallOutput {

        /** The kind of reason the values that stay unknown carry. */
        public Reason.Kind kind() {
            return switch (cause) {
                case NOT_COLLECTED -> Reason.Kind.NOT_COLLECTED;
                case CALL_FAILED -> Reason.Kind.CALL_FAILED;
                case UNREADABLE -> Reason.Kind.UNREADABLE;
            };
        }

        public static Missing notCollected(String location, String reason) {
            return new Missing(Cause.NOT_COLLECTED, location, reason, null);
        }

        public static Missing failed(String location, String error) {
            return new Missing(Cause.CALL_FAILED, location, "collection failed (" + location + "): " + error, error);
        }
    }
}
