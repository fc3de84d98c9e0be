package io.rsaudit.core.source;

import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.SecurityGroup;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the security groups of a region, by group id. A group with any inbound rule that cannot be read is
 * unknown as a whole: reading an unreadable rule as "no rule" would pass a group that may be open.
 */
final class SecurityGroupReader {

    static final Projection SECURITY_GROUP = Projection.of(AwsShapes.SECURITY_GROUP, "GroupId", "GroupName")
            .with(
                    "IpPermissions",
                    Projection.of(AwsShapes.IP_PERMISSION, "IpProtocol", "FromPort", "ToPort")
                            .with("IpRanges", Projection.of(AwsShapes.IP_RANGE, "CidrIp"))
                            .with("Ipv6Ranges", Projection.of(AwsShapes.IPV6_RANGE, "CidrIpv6")));

    private final ExportReader export;

    SecurityGroupReader(ExportReader export) {
        this.export = export;
    }

    /** Puts the region's groups into {@code out}, by id. */
    ExportReader.Listing groups(Scope scope, Map<String, Value<SecurityGroup>> out) {
        return export.elements(
                scope,
                AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS,
                Projection.of(AwsShapes.DESCRIBE_SECURITY_GROUPS),
                SECURITY_GROUP,
                n -> {
                    String id = export.identifier(n, "GroupId", "a security group");
                    if (id != null) {
                        out.put(id, group(id, n));
                    }
                });
    }

    private static Value<SecurityGroup> group(String id, ResponseObject n) {
        Value<List<ResponseObject>> permissions =
                n.objects("IpPermissions", Absent.defaultsTo(List.of(), "IpPermissions is absent: no inbound rule"));
        if (permissions.isUnknown()) {
            return unreadable(id, permissions);
        }
        if (permissions.value().size() < n.size("IpPermissions")) {
            return unreadable(
                    id,
                    Value.unknown(n.at("IpPermissions"), Reason.Kind.UNREADABLE, "an inbound rule is not an object"));
        }
        List<SecurityGroup.IngressRule> rules = new ArrayList<>();
        for (ResponseObject p : permissions.value()) {
            Value<String> protocol = p.text("IpProtocol", Absent.UNKNOWN);
            Value<Integer> from = p.integer("FromPort", Absent.NOT_SET);
            Value<Integer> to = p.integer("ToPort", Absent.NOT_SET);
            Value<List<String>> v4 = cidrs(p, "IpRanges", "CidrIp");
            Value<List<String>> v6 = cidrs(p, "Ipv6Ranges", "CidrIpv6");
            for (Value<?> part : List.of(protocol, from, to, v4, v6)) {
                if (part.isUnknown()) {
                    return unreadable(id, part);
                }
            }
            rules.add(new SecurityGroup.IngressRule(
                    protocol.value(), from.value(), to.value(), v4.value(), v6.value(), p.provenance()));
        }
        SecurityGroup group =
                new SecurityGroup(id, n.text("GroupName", Absent.NOT_SET).value(), n.provenance(), rules);
        return Value.known(group, n.provenance());
    }

    private static Value<SecurityGroup> unreadable(String id, Value<?> part) {
        Reason.Kind kind =
                part.reason() == null ? Reason.Kind.UNREADABLE : part.reason().kind();
        return Value.unknown(
                part.provenance(),
                kind,
                "an inbound rule of security group " + id + " cannot be read (" + part.note() + ")");
    }

    /** The ranges of one kind; unknown when the list or any range in it cannot be read. */
    private static Value<List<String>> cidrs(ResponseObject permission, String member, String field) {
        Value<List<ResponseObject>> ranges =
                permission.objects(member, Absent.defaultsTo(List.of(), member + " is absent"));
        if (ranges.isUnknown()) {
            return ranges.map(x -> null);
        }
        if (ranges.value().size() < permission.size(member)) {
            return Value.unknown(permission.at(member), Reason.Kind.UNREADABLE, "a range is not an object");
        }
        List<String> out = new ArrayList<>(ranges.value().size());
        for (ResponseObject r : ranges.value()) {
            Value<String> cidr = r.text(field, Absent.UNKNOWN);
            if (!cidr.isPresent()) {
                return cidr.isUnknown()
                        ? cidr.map(x -> null)
                        : Value.unknown(cidr.provenance(), Reason.Kind.ABSENT, field + " is empty");
            }
            out.add(cidr.value());
        }
        return Value.known(List.copyOf(out), ranges.provenance());
    }
}
