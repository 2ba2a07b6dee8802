package org.gongzhi.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Opens a staff account. The data scope is given as territory unit codes and organisation ids; {@code totpSecret}
 * (Base32) may be set for accounts that must or choose to use a second factor; administrators and accounts that may
 * unmask personal data must have one.
 */
public record OpenAccount(
        String username,
        String displayName,
        String password,
        Set<Role> roles,
        Set<String> unitCodes,
        Set<UUID> organisationIds,
        boolean mayUnmask,
        String totpSecret) {}
