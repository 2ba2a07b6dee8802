package org.gongzhi.demo;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.AccountManagement;
import org.gongzhi.identity.OpenAccount;
import org.gongzhi.identity.Role;

/**
 * Demo staff accounts for every staff role in every demo jurisdiction, plus the three separate administrators. They
 * share one password and, for the administrators, one TOTP secret — both printed in the README for the default run
 * only; production has no default account.
 */
final class DemoAccounts {

    static final String PASSWORD = "Demo#2026gz";
    static final String ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private DemoAccounts() {}

    record Jurisdiction(
            String prefix, String subdistrict, String community, String grid, String department, String unit) {}

    static void load(AccountManagement accounts, DemoOrganizations organizations) {
        List<OpenAccount> commands = new java.util.ArrayList<>();
        commands.add(account("sysadmin", "系统管理员", Role.SYS_ADMIN, Set.of(), Set.of(), ADMIN_TOTP_SECRET));
        commands.add(account("secadmin", "安全管理员", Role.SEC_ADMIN, Set.of(), Set.of(), ADMIN_TOTP_SECRET));
        commands.add(account("auditor", "审计管理员", Role.AUDITOR, Set.of(), Set.of(), ADMIN_TOTP_SECRET));
        for (Jurisdiction j : List.of(
                new Jurisdiction(
                        "xueyuanlu",
                        DemoTerritory.XUEYUANLU,
                        DemoTerritory.ERLIZHUANG,
                        DemoTerritory.ERLIZHUANG + "001",
                        "海淀分局学院路派出所",
                        "北京科技大学"),
                new Jurisdiction(
                        "dongzhimen",
                        DemoTerritory.DONGZHIMEN,
                        DemoTerritory.HUJIAYUAN,
                        DemoTerritory.HUJIAYUAN + "001",
                        "东直门街道办事处",
                        "东直门地区商会"),
                new Jurisdiction(
                        "wujiaochang",
                        DemoTerritory.WUJIAOCHANG,
                        DemoTerritory.GUODINGYI,
                        DemoTerritory.GUODINGYI + "001",
                        "五角场街道社区管理办公室",
                        "上海财经大学"))) {
            UUID department = organizations.id(j.department());
            UUID unit = organizations.id(j.unit());
            commands.add(account(
                    j.prefix() + ".street-admin", "街道管理员", Role.STREET_ADMIN, Set.of(j.subdistrict()), Set.of(), null));
            commands.add(account(
                    j.prefix() + ".community", "社区工作者", Role.COMMUNITY_WORKER, Set.of(j.community()), Set.of(), null));
            // The 街道's privacy officer may open masked personal data in the 街道, so signs in with a code too.
            commands.add(new OpenAccount(
                    j.prefix() + ".privacy",
                    "个人信息查阅员",
                    PASSWORD,
                    Set.of(Role.STREET_ADMIN),
                    Set.of(j.subdistrict()),
                    Set.of(),
                    true,
                    ADMIN_TOTP_SECRET));
            commands.add(account(j.prefix() + ".grid", "网格员", Role.GRID_WORKER, Set.of(j.grid()), Set.of(), null));
            commands.add(account(
                    j.prefix() + ".department", "部门人员", Role.DEPARTMENT_STAFF, Set.of(), Set.of(department), null));
            commands.add(account(j.prefix() + ".liaison", "驻区单位联络员", Role.UNIT_LIAISON, Set.of(), Set.of(unit), null));
            commands.add(account(
                    j.prefix() + ".street-chief", "街巷长", Role.STREET_CHIEF, Set.of(j.subdistrict()), Set.of(), null));
            commands.add(
                    account(j.prefix() + ".volunteer", "小巷管家", Role.VOLUNTEER, Set.of(j.community()), Set.of(), null));
            commands.add(
                    account(j.prefix() + ".expert", "社区规划师", Role.EXPERT, Set.of(j.subdistrict()), Set.of(), null));
        }
        accounts.openAll(commands);
    }

    private static OpenAccount account(
            String username, String name, Role role, Set<String> units, Set<UUID> organisations, String totp) {
        return new OpenAccount(username, name, PASSWORD, Set.of(role), units, organisations, false, totp);
    }
}
