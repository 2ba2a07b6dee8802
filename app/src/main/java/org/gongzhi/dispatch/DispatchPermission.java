package org.gongzhi.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/** What may be done to the dispatch directory and supervisions, and by which roles. */
public final class DispatchPermission {

    /** Maintaining the dispatch directory of a place (the rule's unit must be in scope). */
    public static final Permission EDIT_DIRECTORY = Permission.of("dispatch.directory.edit", Set.of("STREET_ADMIN"));
    /** Reading supervisions (督办) of the places and organisations in scope. */
    public static final Permission READ_SUPERVISIONS = Permission.of("dispatch.supervision.read", Set.of());

    /** Reading the directory and its "where would this go" preview: any staff member, not residents or visitors. */
    public static final Permission READ_DIRECTORY = Permission.of("dispatch.directory.read", Set.of());

    /** 吹哨: summoning departments to a matter of a 街道 or 社区 in scope, and closing the whistle with its ratings. */
    public static final Permission WHISTLE =
            Permission.of("dispatch.whistle.blow", Set.of("STREET_ADMIN", "COMMUNITY_WORKER"));

    /** 报到: a summoned department's staff acknowledge, arrive and record their action (their own department only). */
    public static final Permission REPORT = Permission.of("dispatch.whistle.report", Set.of("DEPARTMENT_STAFF"));

    /** Reading whistles and the double assessment: any staff member (each sees the whistles of their scope). */
    public static final Permission READ_WHISTLES = Permission.of("dispatch.whistle.read", Set.of());

    public static final List<Permission> ALL =
            List.of(EDIT_DIRECTORY, READ_SUPERVISIONS, READ_DIRECTORY, WHISTLE, REPORT, READ_WHISTLES);

    private DispatchPermission() {}

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
