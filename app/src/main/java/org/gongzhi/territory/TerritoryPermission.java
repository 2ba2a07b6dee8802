package org.gongzhi.territory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** What may be changed in the territory, and by which roles; the unit is checked against the person's scope. */
public final class TerritoryPermission {

    private static final Set<String> ROLES = Set.of("SYS_ADMIN", "STREET_ADMIN");

    /** 导入治理单元 (GeoJSON), or register one. */
    public static final Permission IMPORT = Permission.of("territory.import", ROLES);
    /** 修改治理单元. */
    public static final Permission REVISE = Permission.of("territory.revise", ROLES);

    public static final List<Permission> ALL = List.of(IMPORT, REVISE);

    private TerritoryPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
