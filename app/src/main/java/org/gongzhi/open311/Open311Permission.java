package org.gongzhi.open311;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** Who may manage the Open311 clients and their keys. */
public final class Open311Permission {

    /** Issuing, listing and revoking Open311 API keys: the system administrator. */
    public static final Permission MANAGE_CLIENTS = Permission.of("open311.client.manage", Set.of("SYS_ADMIN"));

    public static final List<Permission> ALL = List.of(MANAGE_CLIENTS);

    private Open311Permission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
