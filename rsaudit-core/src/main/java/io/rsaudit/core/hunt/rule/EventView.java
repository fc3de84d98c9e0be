package io.rsaudit.core.hunt.rule;

import com.google.re2j.Matcher;
import io.rsaudit.core.hunt.Event;
import java.util.HashMap;
import java.util.Map;

/** An event as one rule reads it: its own fields plus the rule's extracted fields, each extracted at most once. */
final class EventView {

    private static final String NONE = new String("");

    private final Event event;
    private final Map<String, Extract> extracts;
    private final Map<String, Literals> filters;
    private final Prefilter.Scan scan;
    private Map<String, String> extracted;

    /**
     * @param filters per extracted field, the words its pattern's match needs ({@code null} values: none)
     * @param scan the thread's scan of the hunt's words, or {@code null}
     */
    EventView(Event event, Map<String, Extract> extracts, Map<String, Literals> filters, Prefilter.Scan scan) {
        this.event = event;
        this.extracts = extracts;
        this.filters = filters;
        this.scan = scan;
    }

    Event event() {
        return event;
    }

    String field(String name) {
        Extract x = extracts.isEmpty() ? null : extracts.get(name);
        if (x == null) {
            return event.field(name);
        }
        if (extracted == null) {
            extracted = new HashMap<>(4);
        }
        String v = extracted.get(name);
        if (v == null) {
            String from = null;
            for (int i = 0; i < x.from().size() && from == null; i++) {
                from = field(x.from().get(i));
            }
            Literals words = from == null ? null : filters.get(name);
            boolean may = words == null || (scan == null ? words.mayMatch(from) : scan.mayContain(from, words));
            Matcher m = from == null || !may ? null : x.pattern().matcher(from);
            v = m != null && m.find() && m.group(1) != null ? m.group(1) : NONE;
            extracted.put(name, v);
        }
        return v == NONE ? null : v;
    }
}
