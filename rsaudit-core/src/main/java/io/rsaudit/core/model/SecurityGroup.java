package io.rsaudit.core.model;

import java.util.List;

/** A VPC security group and its inbound rules. */
public record SecurityGroup(String groupId, String groupName, Provenance origin, List<IngressRule> ingress) {

    public SecurityGroup {
        ingress = List.copyOf(ingress);
    }

    /**
     * One inbound permission.
     *
     * @param protocol {@code tcp}, {@code udp}, {@code icmp}, a number, or {@code -1} for all traffic
     * @param fromPort {@code null} or -1 when the rule covers every port
     */
    public record IngressRule(
            String protocol,
            Integer fromPort,
            Integer toPort,
            List<String> ipv4Ranges,
            List<String> ipv6Ranges,
            Provenance provenance) {

        public IngressRule {
            ipv4Ranges = List.copyOf(ipv4Ranges);
            ipv6Ranges = List.copyOf(ipv6Ranges);
        }

        /** True when the rule lets TCP traffic reach {@code port}. */
        public boolean coversTcpPort(int port) {
            boolean tcp = protocol.equals("-1") || protocol.equalsIgnoreCase("tcp") || protocol.equals("6");
            if (!tcp) {
                return false;
            }
            if (protocol.equals("-1") || fromPort == null || fromPort == -1) {
                return true;
            }
            return fromPort <= port && port <= (toPort == null ? fromPort : toPort);
        }
    }
}
