package org.gongzhi.dispatch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a 吹哨 (whistle); in JSON the bare UUID. */
public record WhistleId(@JsonValue UUID value) {

    public WhistleId {
        if (value == null) {
            throw new IllegalArgumentException("a whistle id is required");
        }
    }

    /** From its JSON form, the bare UUID (events are stored and republished as JSON). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WhistleId of(UUID value) {
        return new WhistleId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
