package org.gongzhi.listing;

import java.util.UUID;

/**
 * Which resources to list: any of these may be {@code null} (no condition). {@code q} matches name, description and
 * conditions; {@code withdrawn} includes resources no longer offered.
 */
public record ResourceFilter(
        ResourceKind kind, Openness openness, UUID providerId, Boolean bookable, String q, boolean withdrawn) {

    public static ResourceFilter all() {
        return new ResourceFilter(null, null, null, null, null, false);
    }

    /** The same filter, withdrawn resources included. */
    public ResourceFilter withWithdrawn() {
        return new ResourceFilter(kind, openness, providerId, bookable, q, true);
    }
}
