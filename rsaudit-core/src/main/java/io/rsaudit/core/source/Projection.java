package io.rsaudit.core.source;

import io.rsaudit.core.source.AwsShapes.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The members of an AWS shape that the readers read, and for each nested object (or list of objects) among them what
 * they read of it. The JSON reader keeps only these members of each object and skips the rest unparsed; a reader that
 * asks for a member its projection does not list is a bug in rsaudit, refused at once by {@link ResponseObject}
 * whatever the source, so that no test can pass on a member silently read as absent.
 */
public final class Projection {

    /** {@link #slotOf} for a member of the shape that is not read. */
    static final int NOT_READ = -1;

    /** {@link #slotOf} for a name that is not a member of the shape. */
    static final int NOT_A_MEMBER = -2;

    private final Shape shape;
    private final String[] read;
    private final Projection[] nested;
    /** Every member of the shape: its slot when read, else {@link #NOT_READ}. */
    private final Map<String, Integer> slots;

    private Projection(Shape shape, String[] read, Projection[] nested) {
        this.shape = shape;
        this.read = read;
        this.nested = nested;
        this.slots = new HashMap<>(shape.members().size() * 2);
        for (String member : shape.members()) {
            slots.put(member, NOT_READ);
        }
        if (read.length > 64) {
            throw new IllegalArgumentException("at most 64 members of " + shape.name() + " can be read");
        }
        for (int i = 0; i < read.length; i++) {
            if (!shape.members().contains(read[i])) {
                throw new IllegalArgumentException(read[i] + " is not a member of " + shape.name());
            }
            if (slots.put(read[i], i) != NOT_READ) {
                throw new IllegalArgumentException(read[i] + " is listed twice in the projection of " + shape.name());
            }
        }
    }

    /** The scalar members (and lists of scalars) read of {@code shape}. */
    public static Projection of(Shape shape, String... members) {
        return new Projection(shape, members.clone(), new Projection[members.length]);
    }

    /** This projection with {@code member} also read, as an object or a list of objects of which {@code what} is read. */
    public Projection with(String member, Projection what) {
        String[] r = Arrays.copyOf(read, read.length + 1);
        Projection[] n = Arrays.copyOf(nested, nested.length + 1);
        r[read.length] = member;
        n[read.length] = what;
        return new Projection(shape, r, n);
    }

    public Shape shape() {
        return shape;
    }

    /** The members read, in slot order. */
    int size() {
        return read.length;
    }

    String member(int slot) {
        return read[slot];
    }

    /** The slot of a member read, {@link #NOT_READ} for another member of the shape, {@link #NOT_A_MEMBER} else. */
    int slotOf(String name) {
        Integer slot = slots.get(name);
        return slot == null ? NOT_A_MEMBER : slot;
    }

    /** The slot of a member a reader asks for; a member not read is a bug in the reader. */
    int slot(String member) {
        int slot = slotOf(member);
        if (slot < 0) {
            throw new IllegalStateException("the reader asks for " + member + " of " + shape.name()
                    + " but its projection does not read it (add it to the projection)");
        }
        return slot;
    }

    /** What is read of the object (or the objects) in a slot, or {@code null} for a scalar member. */
    Projection nested(int slot) {
        return nested[slot];
    }

    @Override
    public String toString() {
        return shape.name() + Arrays.toString(read);
    }
}
