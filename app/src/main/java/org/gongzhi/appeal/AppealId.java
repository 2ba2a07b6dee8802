package org.gongzhi.appeal;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** An appeal's identity, the only way other modules refer to one. */
public record AppealId(@JsonValue UUID value) {

    public AppealId {
        if (value == null) {
            throw new IllegalArgumentException("an appeal id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
