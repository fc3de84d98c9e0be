package io.rsaudit.core.source;

/**
 * The name of a page file, {@code <base>.page-<N>.json} with N from 1 to 999,999,999, read without a regex (a file
 * name comes from the input): {@link #of} is one pass over the name.
 */
record PageName(String base, int number) {

    private static final String PAGE = ".page-";
    private static final String JSON = ".json";

    /** The page that {@code name} (a file name or a path) names, or {@code null} when it names none. */
    static PageName of(String name) {
        if (!name.endsWith(JSON)) {
            return null;
        }
        int at = name.lastIndexOf(PAGE);
        int digits = at + PAGE.length();
        int end = name.length() - JSON.length();
        if (at <= 0 || digits >= end || end - digits > 9) {
            return null;
        }
        int n = 0;
        for (int i = digits; i < end; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return new PageName(name.substring(0, at), n);
    }

    /** The name of the page after this one. */
    String next() {
        return base + PAGE + (number + 1) + JSON;
    }
}
