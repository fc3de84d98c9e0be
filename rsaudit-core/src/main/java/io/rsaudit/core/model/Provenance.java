package io.rsaudit.core.model;

import java.util.Objects;

/**
 * Where a value came from: a location (a file relative to the input root, or an API call) and a JSON pointer.
 *
 * <p>The pointer is split into the resource's base pointer and the member path below it so that the many values of
 * one resource share their strings; {@link #pointer()} joins them on demand. The base of an element of a list (a
 * resource of a page, {@code /Snapshots/17}) is kept as the list's pointer and the element's index, and written out
 * only when asked for: an inventory holds one such provenance per resource. Two provenances are equal when their
 * location, base and member are.
 */
public final class Provenance {

    private final String location;
    /** The base pointer; for an element of a list ({@link #index} {@code >= 0}), the list's pointer and a '/'. */
    private final String prefix;

    private final int index;
    private final String member;
    /** The hash, once computed; 0 before. */
    private int hash;

    private Provenance(String location, String prefix, int index, String member) {
        this.location = location;
        this.prefix = prefix;
        this.index = index;
        this.member = member;
    }

    /**
     * @param base the resource's JSON pointer
     * @param member the member path below it, {@code null} for the resource itself
     */
    public Provenance(String location, String base, String member) {
        this(location, base, -1, member);
    }

    public static Provenance of(String location, String pointer) {
        return new Provenance(location, pointer, -1, null);
    }

    /**
     * The element {@code index} of the list at {@code listPointer}, which ends with '/': {@code of(location,
     * listPointer + index)}, its pointer written out only when asked for.
     */
    public static Provenance element(String location, String listPointer, int index) {
        if (index < 0 || !listPointer.endsWith("/")) {
            throw new IllegalArgumentException("an element of " + listPointer + " at " + index);
        }
        return new Provenance(location, listPointer, index, null);
    }

    public String location() {
        return location;
    }

    /** The resource's JSON pointer. */
    public String base() {
        return index < 0 ? prefix : prefix + index;
    }

    /** The member path below {@link #base()}; {@code null} for the resource itself. */
    public String member() {
        return member;
    }

    /** Provenance of a member below this one; {@code member} may contain '/' for nested paths. */
    public Provenance child(String childMember) {
        return new Provenance(location, prefix, index, member == null ? childMember : member + "/" + childMember);
    }

    public Provenance child(int index) {
        return child(Integer.toString(index));
    }

    /** The JSON pointer, as in RFC 6901 ({@code ""} is the whole document). */
    public String pointer() {
        if (member == null) {
            return base();
        }
        return index < 0 ? prefix + "/" + member : prefix + index + "/" + member;
    }

    /** The last segment of the pointer: the field's name. */
    public String field() {
        String p = pointer();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Provenance p)
                || !Objects.equals(location, p.location)
                || !Objects.equals(member, p.member)) {
            return false;
        }
        if (index >= 0 && p.index >= 0 && prefix.equals(p.prefix)) {
            return index == p.index;
        }
        return Objects.equals(base(), p.base());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // as a record of (location, base, member) hashes
            h = 31 * (31 * Objects.hashCode(location) + Objects.hashCode(base())) + Objects.hashCode(member);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return location + "#" + pointer();
    }
}
