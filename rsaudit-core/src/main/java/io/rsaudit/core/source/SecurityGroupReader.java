package io.rsaudit.core.source;

import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.SecurityGroup;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the security groups of a region, by group id. */
final class SecurityGroupReader {

    private final Export export;

    SecurityGroupReader(Export export) {
        this.export = export;
    }

    /** The groups by id; {@code null} when the call's output is missing (the reason is in {@code missing}). */
    Map<String, SecurityGroup> groups(Scope scope, List<String> missing) {
        Export.Elements elements = export.elements(scope, AwsCliCall.EC2_DESCRIBE_SECURITY_GROUPS,
                AwsShapes.DESCRIBE_SECURITY_GROUPS, AwsShapes.SECURITY_GROUP);
        if (!elements.collected()) {
            missing.add(elements.missing());
            return null;
        }
        Map<String, SecurityGroup> out = new LinkedHashMap<>();
        for (Node n : elements.nodes()) {
            String id = export.identifier(n, "GroupId", "a security group");
            if (id != null) {
                out.put(id, new SecurityGroup(id, n.text("GroupName", Absent.NOT_SET).value(), n.provenance(),
                        rules(n)));
            }
        }
        return out;
    }

    private static List<SecurityGroup.IngressRule> rules(Node group) {
        List<SecurityGroup.IngressRule> rules = new ArrayList<>();
        Value<List<Node>> permissions = group.objects("IpPermissions", AwsShapes.IP_PERMISSION,
                Absent.defaultsTo(List.of(), "IpPermissions is absent: no inbound rule"));
        if (!permissions.isPresent()) {
            return rules;
        }
        for (Node p : permissions.value()) {
            Value<String> protocol = p.text("IpProtocol", Absent.UNKNOWN);
            if (!protocol.isPresent()) {
                continue;
            }
            rules.add(new SecurityGroup.IngressRule(protocol.value(),
                    p.integer("FromPort", Absent.NOT_SET).value(),
                    p.integer("ToPort", Absent.NOT_SET).value(),
                    cidrs(p, "IpRanges", AwsShapes.IP_RANGE, "CidrIp"),
                    cidrs(p, "Ipv6Ranges", AwsShapes.IPV6_RANGE, "CidrIpv6"),
                    p.provenance()));
        }
        return rules;
    }

    private static List<String> cidrs(Node permission, String member, AwsShapes.Shape shape, String field) {
        Value<List<Node>> ranges = permission.objects(member, shape, Absent.NOT_SET);
        if (!ranges.isPresent()) {
            return List.of();
        }
        return ranges.value().stream().map(r -> r.text(field, Absent.UNKNOWN)).filter(Value::isPresent)
                .map(Value::value).toList();
    }
}
