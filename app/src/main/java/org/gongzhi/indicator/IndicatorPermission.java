package org.gongzhi.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** Who may read the indicators and who sets how they are counted. */
public final class IndicatorPermission {

    /** Reading indicators: any staff member, over the appeals of their places and organisations. */
    public static final Permission READ = Permission.of("indicator.read", Set.of());

    /**
     * Setting the composite's weights, the weight of 基本满意 and the exclusions: installation-wide, so the system
     * administrator's (as the work calendar is).
     */
    public static final Permission EDIT_SETTINGS = Permission.of("indicator.settings.edit", Set.of("SYS_ADMIN"));

    public static final List<Permission> ALL = List.of(READ, EDIT_SETTINGS);

    private IndicatorPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
