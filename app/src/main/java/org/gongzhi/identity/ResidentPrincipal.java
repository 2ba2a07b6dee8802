package org.gongzhi.identity;

import java.io.Serializable;
import java.util.UUID;

/** A signed-in resident as the session holds them: an id and the masked number, never the number. */
public record ResidentPrincipal(UUID residentId, String maskedPhone) implements Serializable {

    /** What the page header shows. */
    public String displayName() {
        return maskedPhone;
    }

    @Override
    public String toString() {
        return "resident:" + residentId;
    }
}
