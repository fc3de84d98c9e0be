package io.rsaudit.core.source;

/** What an absent member means, per field: "not set", a documented AWS default, or "cannot know". */
sealed interface Absent {

    /** The API omits the member when it is not set: known to be {@code null}. */
    Absent NOT_SET = new NotSet();

    /** The API always returns the member; its absence means the input is incomplete. */
    Absent UNKNOWN = new Unknown();

    static Absent defaultsTo(Object value, String why) {
        return new Default(value, why);
    }

    record NotSet() implements Absent {}

    record Unknown() implements Absent {}

    record Default(Object value, String why) implements Absent {}
}
