package org.gongzhi.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a booking of a resource; in JSON the bare UUID. */
public record BookingId(@JsonValue UUID value) {

    public BookingId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    /** From its JSON form, the bare UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BookingId of(UUID value) {
        return new BookingId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
