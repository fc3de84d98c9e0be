package io.rsaudit.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the export holds for one call: its pages, or why there are none. */
sealed interface CallOutput {

    /** One page of output: the parsed document and its file, relative to the input root. */
    record Page(JsonNode json, String location) {
    }

    /** The call's output, one page or several, in order. */
    record Pages(List<Page> pages) implements CallOutput {
    }

    /** No output: absent (not collected), failed (the collector saved the error) or unreadable. */
    record Missing(String reason) implements CallOutput {
    }
}
