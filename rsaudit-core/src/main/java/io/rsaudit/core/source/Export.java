package io.rsaudit.core.source;

import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;
import io.rsaudit.core.source.AwsShapes.Shape;
import java.util.ArrayList;
import java.util.List;

/** Reads calls out of the layout as shaped {@link Node}s: the part every service reader shares. */
final class Export {

    final ExportLayout layout;
    final Diagnostics diagnostics;

    Export(ExportLayout layout, Diagnostics diagnostics) {
        this.layout = layout;
        this.diagnostics = diagnostics;
    }

    /** The elements of a list call across its pages, or why the call's output is missing. */
    record Elements(List<Node> nodes, String missing) {

        boolean collected() {
            return missing == null;
        }
    }

    /**
     * The elements of a list call. A missing output is a {@link Kind#NOT_COLLECTED} error: every resource of that
     * type in the scope went unseen.
     */
    Elements elements(Scope scope, AwsCliCall call, Shape response, Shape element) {
        CallOutput out = layout.read(scope, call);
        if (out instanceof CallOutput.Missing m) {
            if (m.reason().startsWith("not collected")) {
                diagnostics.error(Kind.NOT_COLLECTED, layout.expected(scope, call, null),
                        "absent: '" + call.cli() + "' was not collected for " + scope + ", so nothing it lists ("
                                + call.listMember() + ") was judged there");
            }
            return new Elements(null, m.reason());
        }
        List<Node> nodes = new ArrayList<>();
        for (CallOutput.Page page : ((CallOutput.Pages) out).pages()) {
            Node doc = Node.of(page.json(), Provenance.of(page.location(), ""), response, diagnostics);
            if (doc == null) {
                continue;
            }
            Value<List<Node>> list = doc.objects(call.listMember(), element, Absent.UNKNOWN);
            if (list.isUnknown()) {
                diagnostics.error(Kind.MALFORMED, page.location() + "#/" + call.listMember(),
                        "not the output of " + call.cli() + ": " + list.note());
                continue;
            }
            nodes.addAll(list.value());
        }
        return new Elements(nodes, null);
    }

    /** The single document of a per-resource call, or an unknown value saying why there is none. */
    Value<Node> document(Scope scope, AwsCliCall call, String resource, Shape shape) {
        CallOutput out = resource == null ? layout.read(scope, call) : layout.read(scope, call, resource);
        if (out instanceof CallOutput.Missing m) {
            return Value.unknown(Provenance.of(layout.expected(scope, call, resource), ""), m.reason());
        }
        CallOutput.Page page = ((CallOutput.Pages) out).pages().get(0);
        Provenance where = Provenance.of(page.location(), "");
        Node doc = Node.of(page.json(), where, shape, diagnostics);
        return doc == null ? Value.unknown(where, "unreadable: " + page.location() + " (see the collection errors)")
                : Value.known(doc, where);
    }

    /** Every element of a per-resource, paged call (the parameters of one group, across pages). */
    Value<List<Node>> documentElements(Scope scope, AwsCliCall call, String resource, Shape response, Shape element) {
        CallOutput out = layout.read(scope, call, resource);
        Provenance where = Provenance.of(layout.expected(scope, call, resource), "");
        if (out instanceof CallOutput.Missing m) {
            return Value.unknown(where, m.reason());
        }
        List<Node> nodes = new ArrayList<>();
        for (CallOutput.Page page : ((CallOutput.Pages) out).pages()) {
            Node doc = Node.of(page.json(), Provenance.of(page.location(), ""), response, diagnostics);
            Value<List<Node>> list = doc == null ? null : doc.objects(call.listMember(), element, Absent.UNKNOWN);
            if (list == null || list.isUnknown()) {
                String why = list == null ? "not a JSON object" : list.note();
                diagnostics.error(Kind.MALFORMED, page.location() + "#/" + call.listMember(),
                        "not the output of " + call.cli() + ": " + why);
                return Value.unknown(where, "unreadable: " + page.location() + ": " + why);
            }
            nodes.addAll(list.value());
        }
        return Value.known(nodes, where);
    }

    /** A required identifier; a record without one cannot be named, so it is reported and left out. */
    String identifier(Node node, String member, String what) {
        Value<String> id = node.text(member, Absent.UNKNOWN);
        if (!id.isPresent() || id.value().isBlank()) {
            diagnostics.error(Kind.INVALID_VALUE, node.provenance().toString(), what + " without " + member
                    + (id.isUnknown() ? " (" + id.note() + ")" : "") + "; it was not judged");
            return null;
        }
        return id.value();
    }
}
