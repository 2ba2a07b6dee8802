package org.gongzhi.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Locks an account after {@code maxFailures} failed sign-ins within {@code window} (both ends included) for
 * {@code lockFor} from the last of them; defaults 5 in 15 minutes for 15 minutes. At the instant the lock ends the
 * account is open again.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockFor) {

    public static LockoutPolicy standard() {
        return new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    public LockoutPolicy {
        if (maxFailures < 1 || window.isNegative() || lockFor.isNegative()) {
            throw new IllegalArgumentException("A lockout needs at least one failure and non-negative durations");
        }
    }

    /** Until when the account is locked, given its failed sign-ins in time order, if it is locked at all. */
    public Optional<Instant> lockedUntil(List<Instant> failures) {
        Instant until = null;
        for (int last = maxFailures - 1; last < failures.size(); last++) {
            Instant first = failures.get(last - maxFailures + 1);
            if (!failures.get(last).isAfter(first.plus(window))) {
                Instant end = failures.get(last).plus(lockFor);
                until = until == null || end.isAfter(until) ? end : until;
            }
        }
        return Optional.ofNullable(until);
    }

    public boolean locked(List<Instant> failures, Instant now) {
        return lockedUntil(failures).map(now::isBefore).orElse(false);
    }

    /** The earliest failure that still matters at {@code now}: older ones can neither lock nor extend a lock. */
    public Instant horizon(Instant now) {
        return now.minus(window).minus(lockFor);
    }

    /** The failures still worth keeping at {@code now}. */
    public List<Instant> relevant(List<Instant> failures, Instant now) {
        Instant horizon = horizon(now);
        return failures.stream().filter(f -> !f.isBefore(horizon)).toList();
    }
}
