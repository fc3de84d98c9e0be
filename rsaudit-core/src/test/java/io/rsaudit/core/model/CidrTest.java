package io.rsaudit.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworksMatchPlainAndMappedAddresses() {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains("10.200.3.4")).isTrue();
        assertThat(ten.contains("::ffff:10.11.12.16")).isTrue();
        assertThat(ten.contains("11.0.0.1")).isFalse();
        assertThat(Cidr.parse("172.16.0.0/12").contains("172.31.255.255")).isTrue();
        assertThat(Cidr.parse("172.16.0.0/12").contains("172.32.0.0")).isFalse();
        assertThat(Cidr.parse("203.0.113.7").contains("203.0.113.7")).isTrue();
        assertThat(Cidr.parse("203.0.113.7").contains("203.0.113.8")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    }

    @Test
    void ipv6NetworksMatchOnlyIpv6() {
        Cidr doc = Cidr.parse("2001:db8::/32");
        assertThat(doc.contains("2001:db8:1::5")).isTrue();
        assertThat(doc.contains("[2001:db8::1]")).isTrue();
        assertThat(doc.contains("2001:db9::1")).isFalse();
        assertThat(doc.contains("10.0.0.1")).isFalse();
        assertThat(Cidr.parse("::/0").contains("fe80::1%eth0")).isTrue();
        assertThat(Cidr.parse("fc00::/7").contains("fd12::1")).isTrue();
    }

    @Test
    void nonAddressesNeverMatchAndAreNeverResolved() {
        Cidr all = Cidr.parse("0.0.0.0/0");
        assertThat(all.contains("[local]")).isFalse();
        assertThat(all.contains("localhost")).isFalse();
        assertThat(all.contains("example.com")).isFalse();
        assertThat(all.contains("")).isFalse();
        assertThat(all.contains((String) null)).isFalse();
        assertThat(all.contains("1.2.3")).isFalse();
        assertThat(all.contains("1.2.3.256")).isFalse();
        assertThat(Cidr.address("cafe")).isNull();
    }

    @Test
    void badNetworksAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length outside 0..32");
        assertThatThrownBy(() -> Cidr.parse("office")).hasMessageContaining("not an IPv4 or IPv6 network");
        assertThat(Cidr.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
    }
}
