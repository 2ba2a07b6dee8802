package org.gongzhi.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How resources were used over {@code [from, to)}: per resource and per booking unit, the bookings that held a slot
 * (requested, approved, used), those used, the hours approved or used, and the people who came (as fed back).
 */
public record Usage(Instant from, Instant to, List<Line> byResource, List<Line> byUnit) {

    public Usage {
        byResource = List.copyOf(byResource);
        byUnit = List.copyOf(byUnit);
    }

    /** One resource's or one unit's figures; {@code id} is the resource, organisation or territory unit. */
    public record Line(UUID id, String name, long bookings, long used, double hours, long attended) {}
}
