package io.rsaudit.core.source;

import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads calls out of an {@link Export} as {@link ResponseObject}s, whatever the export holds them in: the part every
 * service reader shares. A call without an answer is reported here, by its typed cause, the same for every source.
 */
final class ExportReader {

    final Export export;
    final Diagnostics diagnostics;
    /** How each list call read through {@link #elements} was read: true when whole, else unknown with why. */
    final Map<AwsCliCall, Value<Boolean>> listings = new LinkedHashMap<>();

    ExportReader(Export export, Diagnostics diagnostics) {
        this.export = export;
        this.diagnostics = diagnostics;
    }

    /**
     * How a list call was read.
     *
     * @param missing why there is no output at all, or {@code null}
     * @param complete false when some of the output could not be read (a page missing or broken off); what could
     *     be read was handed out, and the problem is in the collection errors
     */
    record Listing(CallOutput.Missing missing, boolean complete) {

        boolean collected() {
            return missing == null;
        }

        /**
         * What is known of the list's contents: {@code whole} when it was read whole; otherwise unknown at {@code
         * where}, for the reason the call has no output or because only part of it could be read.
         */
        <T> Value<T> value(T whole, Provenance where) {
            if (missing != null) {
                return Value.unknown(where, missing.kind(), missing.reason());
            }
            return complete
                    ? Value.known(whole, where)
                    : Value.unknown(where, Reason.Kind.UNREADABLE, partly(where.location()));
        }

        /** Why a list whose output at {@code location} was read only in part is not known. */
        static String partly(String location) {
            return "only partly read: " + location + " (see the collection errors)";
        }
    }

    /**
     * Hands each element of a list call to {@code sink} as it is read, page after page. A call not collected is a
     * {@link Kind#NOT_COLLECTED} error: every resource of that type in the scope went unseen.
     */
    Listing elements(
            Scope scope, AwsCliCall call, Projection response, Projection element, Consumer<ResponseObject> sink) {
        CallOutput out = output(scope, call, null);
        Provenance where = Provenance.of(export.location(scope, call, null), "");
        if (out instanceof CallOutput.Missing m) {
            listings.put(call, Value.unknown(where, m.kind(), m.reason()));
            if (m.cause() == CallOutput.Cause.NOT_COLLECTED) {
                diagnostics.error(
                        Kind.NOT_COLLECTED,
                        m.location(),
                        "absent: '" + call.cli() + "' was not collected for " + scope + ", so nothing it lists ("
                                + call.listMember() + ") was judged there");
            }
            return new Listing(m, false);
        }
        Listing listing =
                new Listing(null, ((CallOutput.Answer) out).elements(call, response, element, diagnostics, sink));
        listings.put(call, listing.value(true, where));
        return listing;
    }

    /** Every element of a per-resource, paged call (the parameters of one group); unknown unless read whole. */
    Value<List<ResponseObject>> documentElements(
            Scope scope, AwsCliCall call, String resource, Projection response, Projection element) {
        CallOutput out = output(scope, call, resource);
        Provenance where = Provenance.of(export.location(scope, call, resource), "");
        if (out instanceof CallOutput.Missing m) {
            return Value.unknown(where, m.kind(), m.reason());
        }
        List<ResponseObject> objects = new ArrayList<>();
        boolean complete = ((CallOutput.Answer) out).elements(call, response, element, diagnostics, objects::add);
        return complete
                ? Value.known(objects, where)
                : Value.unknown(where, Reason.Kind.UNREADABLE, Listing.partly(where.location()));
    }

    /** The single document of a per-resource call, or an unknown value saying why there is none. */
    Value<ResponseObject> document(Scope scope, AwsCliCall call, String resource, Projection shape) {
        return document(output(scope, call, resource), scope, call, resource, shape);
    }

    /** {@link #document(Scope, AwsCliCall, String, Projection)} of an output already asked for. */
    Value<ResponseObject> document(CallOutput out, Scope scope, AwsCliCall call, String resource, Projection shape) {
        if (out instanceof CallOutput.Missing m) {
            return Value.unknown(Provenance.of(export.location(scope, call, resource), ""), m.kind(), m.reason());
        }
        CallOutput.Answer answer = (CallOutput.Answer) out;
        Provenance where = Provenance.of(answer.location(), "");
        ResponseObject doc = answer.document(shape, diagnostics);
        return doc == null
                ? Value.unknown(
                        where,
                        Reason.Kind.UNREADABLE,
                        "unreadable: " + answer.location() + " (see the collection errors)")
                : Value.known(doc, where);
    }

    /** The export's output for a call; a failed call is reported here, for every source alike. */
    CallOutput output(Scope scope, AwsCliCall call, String resource) {
        CallOutput out = export.output(scope, call, resource, diagnostics);
        if (out instanceof CallOutput.Missing m && m.cause() == CallOutput.Cause.CALL_FAILED) {
            diagnostics.error(Kind.CALL_FAILED, m.location(), call.cli() + " failed: " + m.error());
        }
        return out;
    }

    /** A required identifier; a record without one cannot be named, so it is reported and left out. */
    String identifier(ResponseObject object, String member, String what) {
        Value<String> id = object.text(member, Absent.UNKNOWN);
        if (!id.isPresent() || id.value().isBlank()) {
            diagnostics.error(
                    Kind.INVALID_VALUE,
                    object.provenance().toString(),
                    what + " without " + member + (id.isUnknown() ? " (" + id.note() + ")" : "")
                            + "; it was not judged");
            return null;
        }
        return id.value();
    }
}
