package org.gongzhi.organization;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an organisation; other modules keep only this. */
public record OrganisationId(@JsonValue UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
