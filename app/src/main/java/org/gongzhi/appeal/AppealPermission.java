package org.gongzhi.appeal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gongzhi.platform.Permission;
import org.springframework.stereotype.Component;

/**
 * What may be done to appeals, and by which roles (DOMAIN.md §1). The place is checked too: registering and
 * dispatching against the appeal's unit (its 街道 for dispatch), handling against the handling organisation (in the
 * person's scope, or at a unit in it).
 */
public final class AppealPermission {

    /** 12345 工单: entered by the street's hotline operator. */
    public static final Permission REGISTER_HOTLINE = Permission.of("appeal.register.hotline", Set.of("STREET_ADMIN"));
    /** 四诉 (身边诉, 清单诉, 会议诉, 活动诉): taken by community staff. */
    public static final Permission REGISTER_COMMUNITY =
            Permission.of("appeal.register.community", Set.of("STREET_ADMIN", "COMMUNITY_WORKER"));
    /** 巡查发现: grid workers, street chiefs and volunteers on patrol. */
    public static final Permission REGISTER_PATROL = Permission.of(
            "appeal.register.patrol",
            Set.of("STREET_ADMIN", "COMMUNITY_WORKER", "GRID_WORKER", "STREET_CHIEF", "VOLUNTEER"));
    /** 立案, 作废, 派单 and the dispatcher's decisions (延期审批, 挂账, 回访, 结案, 返工). */
    public static final Permission DISPATCH = Permission.of("appeal.dispatch", Set.of("STREET_ADMIN"));
    /** 签收, 退单, 响应, 办理, 延期申请, 答复: the handling unit's staff. */
    public static final Permission HANDLE = Permission.of(
            "appeal.handle",
            Set.of("STREET_ADMIN", "COMMUNITY_WORKER", "GRID_WORKER", "DEPARTMENT_STAFF", "UNIT_LIAISON"));
    /** 核查 on site. */
    public static final Permission VERIFY =
            Permission.of("appeal.verify", Set.of("STREET_ADMIN", "COMMUNITY_WORKER", "GRID_WORKER"));
    /** Reading appeals: any staff role, for the appeals at its places or handled by its organisations. */
    public static final Permission READ = Permission.of("appeal.read", Set.of());
    /**
     * 查看诉求人联系方式: the handling unit's staff, while the case is theirs, with the separate permission to open
     * personal data, a reason, and an audit row every time.
     */
    public static final Permission VIEW_CONTACT = Permission.ofPersonalData(
            "appeal.contact.view",
            Set.of("STREET_ADMIN", "COMMUNITY_WORKER", "GRID_WORKER", "DEPARTMENT_STAFF", "UNIT_LIAISON"));
    /** Editing the categories. */
    public static final Permission EDIT_CATEGORIES = Permission.of("appeal.category.edit", Set.of("STREET_ADMIN"));

    /** Editing the knowledge base (咨询即答 answers and legal routes). */
    public static final Permission EDIT_KNOWLEDGE = Permission.of("appeal.knowledge.edit", Set.of("STREET_ADMIN"));

    /** Setting how 回访 runs: the time to answer and what 未解决/不满意 leads to. */
    public static final Permission EDIT_FOLLOW_UP = Permission.of("appeal.follow-up.edit", Set.of("STREET_ADMIN"));

    public static final List<Permission> ALL = List.of(
            REGISTER_HOTLINE,
            REGISTER_COMMUNITY,
            REGISTER_PATROL,
            DISPATCH,
            HANDLE,
            VERIFY,
            READ,
            VIEW_CONTACT,
            EDIT_CATEGORIES,
            EDIT_KNOWLEDGE,
            EDIT_FOLLOW_UP);

    private AppealPermission() {}

    /** Who may register an appeal from {@code channel}; the resident portal and Open311 are not staff work. */
    public static Permission registering(Channel channel) {
        return switch (channel) {
            case HOTLINE -> REGISTER_HOTLINE;
            case WALK_IN, NEEDS_LIST, MEETING, EVENT -> REGISTER_COMMUNITY;
            case PATROL -> REGISTER_PATROL;
            case ONLINE, OPEN311 -> null;
        };
    }

    @Component
    static class Catalogue implements Permission.Catalogue {

        @Override
        public Collection<? extends Permission> permissions() {
            return ALL;
        }
    }
}
