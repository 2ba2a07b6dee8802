package org.gongzhi.identity.domain;

import java.time.Duration;
import java.time.Instant;

/** A staff session ends after {@code idle} without a request or {@code absolute} after sign-in, whichever is first. */
public record SessionLimits(Duration idle, Duration absolute) {

    public static SessionLimits standard() {
        return new SessionLimits(Duration.ofMinutes(30), Duration.ofHours(12));
    }

    /** Whether a session signed in at {@code signedIn} and last used at {@code lastUsed} has ended at {@code now}. */
    public boolean ended(Instant signedIn, Instant lastUsed, Instant now) {
        return !now.isBefore(lastUsed.plus(idle)) || !now.isBefore(signedIn.plus(absolute));
    }
}
