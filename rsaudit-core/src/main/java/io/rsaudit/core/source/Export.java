package io.rsaudit.core.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.source.AwsShapes.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads calls out of the layout as shaped {@link Node}s: the part every service reader shares. */
final class Export {

    final ExportLayout layout;
    final Diagnostics diagnostics;

    Export(ExportLayout layout, Diagnostics diagnostics) {
        this.layout = layout;
        this.diagnostics = diagnostics;
    }

    /**
     * How a list call was read.
     *
     * @param missing why there is no output at all, or {@code null}
     * @param complete false when some of the output could not be read (a page missing or broken off); what could
     *     be read was handed out, and the problem is in the collection errors
     */
    record Listing(String missing, boolean complete) {

        boolean collected() {
            return missing == null;
        }
    }

    /**
     * Hands each element of a list call to {@code sink} as it is parsed, page after page. A missing output is a
     * {@link Kind#NOT_COLLECTED} error: every resource of that type in the scope went unseen.
     */
    Listing elements(Scope scope, AwsCliCall call, Shape response, Shape element, Consumer<Node> sink) {
        CallOutput out = layout.read(scope, call);
        if (out instanceof CallOutput.Missing m) {
            if (m.reason().startsWith("not collected")) {
                diagnostics.error(
                        Kind.NOT_COLLECTED,
                        layout.expected(scope, call, null),
                        "absent: '" + call.cli() + "' was not collected for " + scope + ", so nothing it lists ("
                                + call.listMember() + ") was judged there");
            }
            return new Listing(m.reason(), false);
        }
        return new Listing(null, readAll((CallOutput.Pages) out, call, response, element, sink));
    }

    /** Every element of a per-resource, paged call (the parameters of one group); unknown unless read whole. */
    Value<List<Node>> documentElements(Scope scope, AwsCliCall call, String resource, Shape response, Shape element) {
        CallOutput out = layout.read(scope, call, resource);
        Provenance where = Provenance.of(layout.expected(scope, call, resource), "");
        if (out instanceof CallOutput.Missing m) {
            return Value.unknown(where, m.reason());
        }
        List<Node> nodes = new ArrayList<>();
        boolean complete = readAll((CallOutput.Pages) out, call, response, element, nodes::add);
        return complete
                ? Value.known(nodes, where)
                : Value.unknown(where, "only partly read: " + where.location() + " (see the collection errors)");
    }

    /**
     * Streams every page's list elements to {@code sink}, checks each page's other members against the response
     * shape, and checks the page chain. Returns whether everything was read.
     */
    private boolean readAll(
            CallOutput.Pages pages, AwsCliCall call, Shape response, Shape element, Consumer<Node> sink) {
        boolean complete = pages.gapless();
        String list = "/" + call.listMember() + "/";
        JsonNode lastMembers = null;
        for (CallOutput.Page page : pages.pages()) {
            ExportLayout.Streamed s = layout.stream(page, call.listMember(), (json, i) -> {
                Node n = Node.of(json, Provenance.of(page.location(), list + i), element, diagnostics);
                if (n != null) {
                    sink.accept(n);
                }
            });
            lastMembers = s.members();
            if (lastMembers == null) {
                complete = false;
                continue;
            }
            Node.of(lastMembers, Provenance.of(page.location(), ""), response, diagnostics);
            if (!s.listSeen()) {
                JsonNode found = lastMembers.get(call.listMember());
                diagnostics.error(
                        Kind.MALFORMED,
                        page.location() + "#/" + call.listMember(),
                        "not the output of "
                                + call.cli() + ": "
                                + (found == null
                                        ? "'" + call.listMember() + "' is absent"
                                        : "'" + call.listMember() + "' is not a list but " + Node.describe(found)));
            }
            complete &= s.complete() && s.listSeen();
        }
        List<CallOutput.Page> all = pages.pages();
        return layout.pageChainComplete(all.get(all.size() - 1), lastMembers, call) && complete;
    }

    /** The single document of a per-resource call, or an unknown value saying why there is none. */
    Value<Node> document(Scope scope, AwsCliCall call, String resource, Shape shape) {
        CallOutput out = resource == null ? layout.read(scope, call) : layout.read(scope, call, resource);
        if (out instanceof CallOutput.Missing m) {
            return Value.unknown(Provenance.of(layout.expected(scope, call, resource), ""), m.reason());
        }
        CallOutput.Page page = ((CallOutput.Pages) out).pages().get(0);
        Provenance where = Provenance.of(page.location(), "");
        JsonNode json = layout.parse(page);
        Node doc = json == null ? null : Node.of(json, where, shape, diagnostics);
        return doc == null
                ? Value.unknown(where, "unreadable: " + page.location() + " (see the collection errors)")
                : Value.known(doc, where);
    }

    /** A required identifier; a record without one cannot be named, so it is reported and left out. */
    String identifier(Node node, String member, String what) {
        Value<String> id = node.text(member, Absent.UNKNOWN);
        if (!id.isPresent() || id.value().isBlank()) {
            diagnostics.error(
                    Kind.INVALID_VALUE,
                    node.provenance().toString(),
                    what + " without " + member + (id.isUnknown() ? " (" + id.note() + ")" : "")
                            + "; it was not judged");
            return null;
        }
        return id.value();
    }
}
