package org.gongzhi.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits on the addresses anyone may call without an account ({@code gongzhi.rate-limits.<name>}): each rule
 * allows {@code capacity} requests with {@code method} to any of {@code paths} per client address within {@code
 * period}, refilled gradually; beyond it, 429 with Retry-After. Limits are kept per application node.
 */
@ConfigurationProperties("gongzhi")
record RateLimitProperties(Map<String, Rule> rateLimits) {

    RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /** One limit: up to {@code capacity} (≥ 1) requests per {@code period} per address. */
    record Rule(String method, List<String> paths, int capacity, Duration period) {}
}
