package org.gongzhi.platform;

import java.util.UUID;

/**
 * Whether a territory unit lies inside an access scope: it, or a unit above it, is one of the scope's units. The
 * territory module answers it; {@link Permissions} asks.
 */
public interface UnitCoverage {

    boolean covers(AccessScope scope, UUID unit);
}
