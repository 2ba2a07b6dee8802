package org.gongzhi.platform.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the anonymous portal to its rate limits ({@link RateLimitProperties}; token buckets from Bucket4j, ADR 0022):
 * a request over its address's allowance is answered 429 with {@code Retry-After} in seconds (RFC 6585 §4) — a page for
 * a browser, problem+json {@code request.rate-limited} otherwise — and goes no further. The most recent 100,000
 * addresses are remembered per rule.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter extends OncePerRequestFilter {

    /** Addresses remembered per rule; the least recently seen is forgotten first. */
    static final int REMEMBERED = 100_000;

    private final Map<String, RateLimitProperties.Rule> rules;
    private final Map<String, Map<String, Bucket>> buckets = new LinkedHashMap<>();
    private final MessageSource messages;

    RateLimitFilter(RateLimitProperties properties, MessageSource messages) {
        this.rules = properties.rateLimits();
        this.messages = messages;
        for (String name : rules.keySet()) {
            buckets.put(name, java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > REMEMBERED;
                }
            }));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Decoded and normalised as the dispatcher and the security rules see it: /repor%74 is /report.
        String path = PATHS.getPathWithinApplication(request);
        for (var rule : rules.entrySet()) {
            RateLimitProperties.Rule r = rule.getValue();
            if (!r.method().equalsIgnoreCase(request.getMethod()) || !r.paths().contains(path)) {
                continue;
            }
            Bucket bucket = buckets.get(rule.getKey()).computeIfAbsent(client(request.getRemoteAddr()), a -> bucket(r));
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
                response.setHeader("Retry-After", String.valueOf(seconds));
                // The page and the problem say how long to wait, in whole minutes (the header has the seconds).
                RequestTextFilter.problem(
                                request, 429, "request.rate-limited", new Object[] {(seconds + 59) / 60}, messages)
                        .writeTo(response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whose allowance a request draws on: its IPv4 address, or the /64 network of an IPv6 one (a single subscriber
     * is given a whole /64 and could otherwise draw on millions of allowances). Behind a reverse proxy the address is
     * the client's only when the proxy is trusted ({@code server.tomcat.remoteip.internal-proxies}, README).
     */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (java.net.UnknownHostException notAnAddress) {
            return address;
        }
    }

    private static final org.springframework.web.util.UrlPathHelper PATHS =
            new org.springframework.web.util.UrlPathHelper();

    private static Bucket bucket(RateLimitProperties.Rule r) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(1, r.capacity()))
                        .refillGreedy(Math.max(1, r.capacity()), r.period())
                        .build())
                .build();
    }
}
