package io.rsaudit.core.source;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Trail;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an account's trails. {@code describe-trails} in any region lists that region's trails and every
 * multi-region trail, so one region read whole is enough to know them; each trail is kept once, and its status and
 * selectors are read in its home region.
 */
final class CloudTrailReader {

    static final Projection TRAIL = Projection.of(
            AwsShapes.TRAIL,
            "TrailARN",
            "Name",
            "HomeRegion",
            "IsMultiRegionTrail",
            "LogFileValidationEnabled",
            "HasCustomEventSelectors");

    static final Projection TRAIL_STATUS = Projection.of(AwsShapes.TRAIL_STATUS, "IsLogging");

    static final Projection EVENT_SELECTORS = Projection.of(AwsShapes.EVENT_SELECTORS)
            .with(
                    "EventSelectors",
                    Projection.of(
                            AwsShapes.EVENT_SELECTOR,
                            "ReadWriteType",
                            "IncludeManagementEvents",
                            "ExcludeManagementEventSources"))
            .with(
                    "AdvancedEventSelectors",
                    Projection.of(AwsShapes.ADVANCED_EVENT_SELECTOR, "Name")
                            .with(
                                    "FieldSelectors",
                                    Projection.of(
                                            AwsShapes.ADVANCED_FIELD_SELECTOR,
                                            "Field",
                                            "Equals",
                                            "StartsWith",
                                            "EndsWith",
                                            "NotEquals",
                                            "NotStartsWith",
                                            "NotEndsWith")));

    private final ExportReader export;

    CloudTrailReader(ExportReader export) {
        this.export = export;
    }

    Value<List<Trail>> trails(String account, List<String> regions) {
        Map<String, Trail> byArn = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String region : regions) {
            Scope scope = new Scope(account, region);
            ExportReader.Listing trails = export.elements(
                    scope,
                    AwsCliCall.CLOUDTRAIL_DESCRIBE_TRAILS,
                    Projection.of(AwsShapes.DESCRIBE_TRAILS),
                    TRAIL,
                    n -> {
                        String arn = export.identifier(n, "TrailARN", "a trail");
                        String name = n.text("Name", Absent.UNKNOWN).value();
                        if (arn == null || name == null) {
                            return;
                        }
                        Value<String> home = n.text("HomeRegion", Absent.UNKNOWN);
                        if (!byArn.containsKey(arn) || region.equals(home.value())) {
                            byArn.put(arn, trail(account, regions, n, name, arn, home));
                        }
                    });
            if (!trails.collected()) {
                missing.add(trails.missing().reason());
            } else if (!trails.complete()) {
                missing.add("only partly read in " + region + " (see the collection errors)");
            }
        }
        Provenance where = Provenance.of(
                export.export.location(new Scope(account, "*"), AwsCliCall.CLOUDTRAIL_DESCRIBE_TRAILS, null), "");
        if (missing.size() == regions.size()) {
            return Value.unknown(
                    where,
                    Reason.Kind.NOT_COLLECTED,
                    regions.isEmpty()
                            ? "no region of the account was collected"
                            : "describe-trails was not read in any region: " + missing.get(0));
        }
        return Value.known(List.copyOf(byArn.values()), where);
    }

    private Trail trail(
            String account, List<String> regions, ResponseObject n, String name, String arn, Value<String> home) {
        Value<Boolean> isLogging;
        Value<Trail.EventSelectors> selectors;
        if (!home.isPresent() || !regions.contains(home.value())) {
            String why = home.isPresent()
                    ? "the trail's home region " + home.value() + " was not collected"
                    : "the trail reports no HomeRegion";
            Reason.Kind kind = home.isPresent() ? Reason.Kind.NOT_COLLECTED : Reason.Kind.ABSENT;
            isLogging = Value.unknown(n.provenance(), kind, why);
            selectors = Value.unknown(n.provenance(), kind, why);
        } else {
            Scope homeScope = new Scope(account, home.value());
            Value<ResponseObject> status =
                    export.document(homeScope, AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS, name, TRAIL_STATUS);
            isLogging =
                    status.isUnknown() ? status.map(x -> null) : status.value().bool("IsLogging", Absent.UNKNOWN);
            Value<ResponseObject> sel =
                    export.document(homeScope, AwsCliCall.CLOUDTRAIL_GET_EVENT_SELECTORS, name, EVENT_SELECTORS);
            selectors = sel.isUnknown() ? sel.map(x -> null) : Value.known(selectors(sel.value()), sel.provenance());
        }
        return new Trail(
                name,
                arn,
                home.value(),
                n.provenance(),
                n.bool("IsMultiRegionTrail", Absent.UNKNOWN),
                n.bool("LogFileValidationEnabled", Absent.UNKNOWN),
                n.bool(
                        "HasCustomEventSelectors",
                        Absent.defaultsTo(
                                false,
                                "HasCustomEventSelectors is absent: the trail uses the default selector (all management events)")),
                isLogging,
                selectors);
    }

    private static final List<String> OPERATORS =
            List.of("Equals", "StartsWith", "EndsWith", "NotEquals", "NotStartsWith", "NotEndsWith");

    private static Trail.EventSelectors selectors(ResponseObject doc) {
        List<Trail.BasicSelector> basic = new ArrayList<>();
        Value<List<ResponseObject>> basics = doc.objects("EventSelectors", Absent.NOT_SET);
        if (basics.isPresent()) {
            for (ResponseObject s : basics.value()) {
                basic.add(new Trail.BasicSelector(
                        s.text(
                                "ReadWriteType",
                                Absent.defaultsTo("All", "ReadWriteType is absent; it defaults to All")),
                        s.bool(
                                "IncludeManagementEvents",
                                Absent.defaultsTo(true, "IncludeManagementEvents is absent; it defaults to true")),
                        s.texts(
                                "ExcludeManagementEventSources",
                                Absent.defaultsTo(
                                        List.of(), "ExcludeManagementEventSources is absent: no source is excluded"))));
            }
        }
        List<Trail.AdvancedSelector> advanced = new ArrayList<>();
        Value<List<ResponseObject>> advs = doc.objects("AdvancedEventSelectors", Absent.NOT_SET);
        if (advs.isPresent()) {
            for (ResponseObject s : advs.value()) {
                Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
                Value<List<ResponseObject>> fields = s.objects("FieldSelectors", Absent.NOT_SET);
                if (fields.isPresent()) {
                    for (ResponseObject f : fields.value()) {
                        String field = f.text("Field", Absent.UNKNOWN).value();
                        if (field == null) {
                            continue;
                        }
                        for (String op : OPERATORS) {
                            Value<List<String>> v = f.texts(op, Absent.NOT_SET);
                            if (v.isPresent()) {
                                conditions
                                        .computeIfAbsent(field, k -> new LinkedHashMap<>())
                                        .put(op, v.value());
                            }
                        }
                    }
                }
                advanced.add(new Trail.AdvancedSelector(
                        s.text("Name", Absent.NOT_SET).value(), conditions));
            }
        }
        return new Trail.EventSelectors(basic, advanced);
    }
}
