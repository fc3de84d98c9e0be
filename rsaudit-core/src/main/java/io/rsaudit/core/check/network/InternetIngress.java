package io.rsaudit.core.check.network;

import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.SecurityGroup;
import io.rsaudit.core.model.SecurityGroup.IngressRule;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges whether the security groups attached to an endpoint open its TCP port to the whole internet; shared by the
 * cluster and workgroup checks so that both read rules the same way.
 *
 * <p>Only ranges with a prefix length of 0 ({@code 0.0.0.0/0}, {@code ::/0}) count as "the internet": narrower
 * public ranges, prefix lists and referenced security groups are a matter of intent this check cannot judge.
 */
final class InternetIngress {

    private InternetIngress() {}

    /** One rule that opens the port to the internet, and its whole-internet ranges (IPv4 first). */
    private record Opening(SecurityGroup group, IngressRule rule, List<String> cidrs) {}

    /**
     * @param kind "cluster" or "workgroup", for messages
     * @param name the resource's name, for messages
     * @param publiclyAccessible only colours the message: a world-open rule is a finding whether or not the endpoint
     *     is public today
     */
    static Outcome judge(
            String kind,
            String name,
            Scope scope,
            Value<Integer> port,
            Value<List<String>> groupIds,
            Value<Boolean> publiclyAccessible,
            CheckContext context) {
        String subject = kind + " " + name;
        if (!port.isPresent()) {
            return Outcome.unknown(
                    "cannot tell which port of " + subject + " to judge", port.orUnknown(subject + " reports no port"));
        }
        if (!groupIds.isPresent()) {
            // the source makes an absent list unknown: the API lists the groups of every endpoint in a VPC
            return Outcome.unknown(
                    "cannot tell which security groups " + subject + " uses",
                    groupIds.orUnknown("no security group list"));
        }
        int p = port.value();
        List<Opening> openings = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        Map<String, Value<SecurityGroup>> unreadable = new LinkedHashMap<>();
        for (String id : groupIds.value()) {
            Value<SecurityGroup> group = context.inventory().securityGroup(scope, id);
            if (!group.isPresent()) {
                unreadable.put(id, group);
                continue;
            }
            int before = openings.size();
            for (IngressRule rule : group.value().ingress()) {
                List<String> world = wholeInternet(rule);
                if (!world.isEmpty() && rule.coversTcpPort(p)) {
                    openings.add(new Opening(group.value(), rule, world));
                }
            }
            if (openings.size() == before) {
                clean.add(label(group.value()));
            }
        }
        String where = "TCP port " + p + " of " + subject;
        if (!openings.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Opening o : openings) {
                parts.add("security group " + label(o.group()) + " admits " + String.join(" and ", o.cidrs())
                        + " through its inbound rule for " + describe(o.rule()));
            }
            Opening first = openings.get(0);
            return Outcome.fail(
                    where + " is open to the whole internet: " + String.join("; ", parts)
                            + reach(kind, publiclyAccessible) + notJudged(unreadable),
                    Value.known(first.cidrs().get(0), first.rule().provenance()));
        }
        if (!unreadable.isEmpty()) {
            String what = "cannot tell whether " + where + " is open to the whole internet: "
                    + (clean.isEmpty()
                            ? ""
                            : "no inbound rule of " + groups(clean) + " admits 0.0.0.0/0 or ::/0 on" + " it, but ")
                    + groups(new ArrayList<>(unreadable.keySet())) + " cannot be read";
            Value<SecurityGroup> firstUnreadable =
                    unreadable.values().iterator().next();
            Set<String> reasons = reasons(unreadable);
            if (reasons.size() == 1) {
                return Outcome.unknown(what, firstUnreadable);
            }
            // Outcome.unknown carries one reason; groups missing from the file each have their own
            return Outcome.unknownAmong(what + ": " + String.join("; ", reasons), firstUnreadable);
        }
        if (clean.isEmpty()) {
            return Outcome.pass(
                    subject + " has no security group attached, so no inbound rule admits anyone on TCP" + " port " + p,
                    groupIds);
        }
        return Outcome.pass(
                where + " is not open to the whole internet: no inbound rule of " + groups(clean)
                        + " admits 0.0.0.0/0 or ::/0 on it",
                groupIds);
    }

    private static List<String> wholeInternet(IngressRule rule) {
        List<String> world = new ArrayList<>(2);
        rule.ipv4Ranges().stream().filter(InternetIngress::isWholeInternet).forEach(world::add);
        rule.ipv6Ranges().stream().filter(InternetIngress::isWholeInternet).forEach(world::add);
        return world;
    }

    /** Any range with prefix length 0 is every address, however its base is spelled ({@code 0::/0}). */
    private static boolean isWholeInternet(String cidr) {
        int slash = cidr.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            return Integer.parseInt(cidr.substring(slash + 1).trim()) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(IngressRule rule) {
        if (rule.protocol().equals("-1")) {
            return "all traffic (IpProtocol -1)";
        }
        Integer from = rule.fromPort();
        if (from == null || from == -1) {
            return "all TCP ports";
        }
        int to = rule.toPort() == null ? from : rule.toPort();
        return from == to ? "TCP port " + from : "TCP ports " + from + "-" + to;
    }

    private static String label(SecurityGroup group) {
        return group.groupName() == null ? group.groupId() : group.groupId() + " (" + group.groupName() + ")";
    }

    private static String groups(List<String> labels) {
        return (labels.size() == 1 ? "security group " : "security groups ") + String.join(", ", labels);
    }

    private static String reach(String kind, Value<Boolean> publiclyAccessible) {
        if (!publiclyAccessible.isPresent()) {
            return "; whether the " + kind + " is publicly accessible is unknown";
        }
        return publiclyAccessible.value()
                ? "; the " + kind + " is also publicly accessible, so anyone on the internet can reach its login on"
                        + " this port"
                : "; the " + kind + " is not publicly accessible, so today this admits every host that can route into"
                        + " its VPC, and making it public would expose the port to the whole internet at once";
    }

    private static String notJudged(Map<String, Value<SecurityGroup>> unreadable) {
        if (unreadable.isEmpty()) {
            return "";
        }
        return "; " + groups(new ArrayList<>(unreadable.keySet())) + " could not be judged: "
                + String.join("; ", reasons(unreadable));
    }

    private static Set<String> reasons(Map<String, Value<SecurityGroup>> unreadable) {
        Set<String> reasons = new LinkedHashSet<>();
        unreadable.values().forEach(v -> reasons.add(v.note()));
        return reasons;
    }
}
