package org.gongzhi.listing;

/**
 * Why a candidate is proposed, as the message {@code listing.match.reason.<code>} shows it: {@code words} (the
 * shared words and concepts in {@code value}), {@code kind} (the resource kind suits the need category; the kind in
 * {@code value}), {@code service} (a service asked for; the {@link ServiceCategory} in {@code value}), {@code walk}
 * ({@code number} walking metres), {@code hours} ({@code number} hours open a week), {@code arranged} (no fixed hours),
 * {@code partner} (worked together before), {@code advised} ({@code number} needs and projects an expert advised),
 * {@code priority} (a need's priority in {@code value}), {@code offers} (a unit's best resource, named in {@code
 * value}).
 */
public record MatchReason(String code, String value, Long number) {

    static MatchReason of(String code, String value) {
        return new MatchReason(code, value, null);
    }

    static MatchReason of(String code, long number) {
        return new MatchReason(code, null, number);
    }
}
