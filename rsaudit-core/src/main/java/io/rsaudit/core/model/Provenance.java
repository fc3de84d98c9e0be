package io.rsaudit.core.model;

/**
 * Where a value came from: a location (a file relative to the input root, or an API call) and a JSON pointer.
 *
 * <p>The pointer is split into the resource's base pointer and the member path below it so that the many
 * values of one resource share their strings; {@link #pointer()} joins them on demand.
 */
public record Provenance(String location, String base, String member) {

    public static Provenance of(String location, String pointer) {
        return new Provenance(location, pointer, null);
    }

    /** Provenance of a member below this one; {@code member} may contain '/' for nested paths. */
    public Provenance child(String childMember) {
        return new Provenance(location, base, member == null ? childMember : member + "/" + childMember);
    }

    public Provenance child(int index) {
        return child(Integer.toString(index));
    }

    /** The JSON pointer, as in RFC 6901 ({@code ""} is the whole document). */
    public String pointer() {
        return member == null ? base : base + "/" + member;
    }

    /** The last segment of the pointer: the field's name. */
    public String field() {
        String p = pointer();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return location + "#" + pointer();
    }
}
