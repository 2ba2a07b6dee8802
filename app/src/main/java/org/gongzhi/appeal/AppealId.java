package org.gongzhi.appeal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** An appeal's identity, the only way other modules refer to one. */
public record AppealId(@JsonValue UUID value) {

    public AppealId {
        if (value == null) {
            throw new IllegalArgumentException("an appeal id is required");
        }
    }

    /** From its JSON form, the bare UUID (events are stored and republished as JSON). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AppealId of(UUID value) {
        return new AppealId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
