package org.gongzhi.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a resource of the 资源清单; in JSON the bare UUID. */
public record ResourceId(@JsonValue UUID value) {

    public ResourceId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    /** From its JSON form, the bare UUID. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ResourceId of(UUID value) {
        return new ResourceId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
