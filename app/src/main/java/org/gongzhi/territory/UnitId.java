package org.gongzhi.territory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a governance unit; other modules keep only this. */
public record UnitId(@JsonValue UUID value) {

    public static UnitId of(String text) {
        return new UnitId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
