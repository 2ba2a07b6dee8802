package org.gongzhi.identity;

import java.util.Set;
import java.util.UUID;

/** A staff account as administrators see it: never its password hash or TOTP secret. */
public record AccountView(
        UUID id,
        String username,
        String displayName,
        Set<Role> roles,
        Set<UUID> units,
        Set<UUID> organisations,
        boolean secondFactor,
        boolean mayUnmask,
        boolean enabled,
        long version) {}
