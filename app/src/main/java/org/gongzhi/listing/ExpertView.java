package org.gongzhi.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An expert of the 智库 as staff see it: the phone masked; {@code affiliation} the organisation's name when it is
 * registered.
 */
public record ExpertView(
        UUID id,
        UUID subdistrictId,
        String name,
        ExpertRole role,
        UUID affiliationId,
        String affiliation,
        List<String> tags,
        String bio,
        String contactPhone,
        Instant withdrawnAt,
        long version) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
