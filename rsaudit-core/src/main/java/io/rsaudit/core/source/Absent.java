package io.rsaudit.core.source;

import io.rsaudit.core.model.Reason;

/** What an absent member means, per field: "not set", a documented AWS default, or "cannot know". */
sealed interface Absent {

    /** The API omits the member when it is not set: known to be {@code null}. */
    Absent NOT_SET = new NotSet();

    /** The API always returns the member; its absence means the input is incomplete. */
    Absent UNKNOWN = new Unknown();

    static Absent defaultsTo(Object value, String why) {
        return new Default(value, why);
    }

    /** {@link #defaultsTo(Object, String)} with a reason of kind {@link Reason.Kind#AWS_DEFAULT} made once. */
    static Absent defaultsTo(Object value, Reason why) {
        return new Default(value, why);
    }

    record NotSet() implements Absent {}

    record Unknown() implements Absent {}

    /** @param why of kind {@link Reason.Kind#AWS_DEFAULT}, one instance for every value it explains */
    record Default(Object value, Reason why) implements Absent {
        Default(Object value, String why) {
            this(value, Reason.of(Reason.Kind.AWS_DEFAULT, why));
        }
    }
}
