package org.gongzhi.territory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** What may be changed in the territory, and by which roles; the unit is checked against the person's scope. */
public enum TerritoryPermission implements Permission {
    /** 导入治理单元 (GeoJSON). */
    IMPORT("territory.import"),
    /** 修改治理单元. */
    REVISE("territory.revise");

    private static final Set<String> ROLES = Set.of("SYS_ADMIN", "STREET_ADMIN");

    private final String code;

    TerritoryPermission(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Set<String> roles() {
        return ROLES;
    }

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return List.of(values());
        }
    }
}
