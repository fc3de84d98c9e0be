package io.rsaudit.core.source;

import java.nio.file.Path;
import java.util.List;

/** What the export holds for one call: its page files, or why there are none. */
sealed interface CallOutput {

    /** One page file and its location relative to the input root. */
    record Page(Path file, String location) {}

    /**
     * The call's output, one page or several, in order.
     *
     * @param gapless false when a page between the first and the last is missing (already reported)
     */
    record Pages(List<Page> pages, boolean gapless) implements CallOutput {}

    /** No output: absent (not collected), failed (the collector saved the error) or unreadable. */
    record Missing(String reason) implements CallOutput {}
}
