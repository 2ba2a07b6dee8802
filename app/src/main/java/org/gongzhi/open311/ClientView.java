package org.gongzhi.open311;

import java.time.Instant;
import java.util.UUID;

/** An Open311 client as administrators see it: never the key, only its first characters. */
public record ClientView(
        UUID id,
        String name,
        String keyPrefix,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
