package org.gongzhi.appeal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which published appeals to list: by tracking codes (empty: any), categories (empty: any), registered in [{@code
 * from}, {@code to}), {@code closed} (null: both) and the 街道 they lie in (empty: any); at most {@code limit} (1–1,000),
 * newest first.
 */
public record PublishedFilter(
        List<String> trackingCodes,
        List<String> categoryCodes,
        Instant from,
        Instant to,
        Boolean closed,
        List<UUID> subdistricts,
        int limit) {}
