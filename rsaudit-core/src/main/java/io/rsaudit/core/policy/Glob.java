package io.rsaudit.core.policy;

import java.util.Objects;

/**
 * A glob of a suppression: {@code *} matches any text (also empty), {@code ?} exactly one character, every other
 * character itself. Matching takes time proportional to the text's length times the glob's, whatever the glob: it
 * never backtracks past the last {@code *}, so a glob such as {@code *?*?*?*?*?*?*?*?!} cannot stall a scan.
 *
 * <p>Characters are compared as Unicode code points, so {@code ?} matches one character outside the BMP too.
 */
public final class Glob {

    private final int[] pattern;

    private Glob(int[] pattern) {
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        Objects.requireNonNull(glob, "glob");
        return new Glob(glob.codePoints().toArray());
    }

    /** Whether the whole of {@code text} matches the glob. */
    public boolean matches(String text) {
        int[] t = text.codePoints().toArray();
        int[] p = pattern;
        int ti = 0;
        int pi = 0;
        int star = -1; // position in p just after the last '*' seen
        int mark = 0; // position in t where that '*' began absorbing
        while (ti < t.length) {
            if (pi < p.length && (p[pi] == '?' || (p[pi] != '*' && p[pi] == t[ti]))) {
                ti++;
                pi++;
            } else if (pi < p.length && p[pi] == '*') {
                star = ++pi;
                mark = ti;
            } else if (star >= 0) {
                // the last '*' absorbs one more character; earlier stars never need to change (greedy is exact for
                // globs, since a later '*' can absorb anything an earlier one could)
                pi = star;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }

    @Override
    public String toString() {
        return new String(pattern, 0, pattern.length);
    }
}
