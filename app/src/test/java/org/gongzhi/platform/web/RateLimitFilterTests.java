package org.gongzhi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whose allowance an address draws on: an IPv4 address its own, an IPv6 one its /64 network's. */
class RateLimitFilterTests {

    @Test
    void an_ipv6_subscriber_draws_on_one_allowance_for_its_whole_network() {
        assertThat(RateLimitFilter.client("2001:db8:1:2::1"))
                .isEqualTo(RateLimitFilter.client("2001:db8:1:2:ffff:1:2:3"))
                .isNotEqualTo(RateLimitFilter.client("2001:db8:1:3::1"));
        assertThat(RateLimitFilter.client("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(RateLimitFilter.client("203.0.113.10")).isNotEqualTo(RateLimitFilter.client("203.0.113.9"));
    }
}
