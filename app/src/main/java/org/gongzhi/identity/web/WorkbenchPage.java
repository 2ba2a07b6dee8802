package org.gongzhi.identity.web;

import java.util.Comparator;
import java.util.List;
import org.gongzhi.identity.IdentityPermission;
import org.gongzhi.identity.ResidentPrincipal;
import org.gongzhi.identity.StaffPrincipal;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AuditObjects;
import org.gongzhi.platform.AuditSearch;
import org.gongzhi.platform.HomeTile;
import org.gongzhi.platform.HomeTiles;
import org.gongzhi.platform.Permissions;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台: where a staff member lands after signing in — their own area's figures, the work their roles can start and
 * what they changed last. Residents have their own page; the public home page stays for visitors.
 */
@Controller
class WorkbenchPage {

    private final List<HomeTiles> figures;
    private final List<WorkbenchAction.Source> sources;
    private final Permissions may;
    private final TerritoryQueries territory;
    private final OrganizationQueries organizations;
    private final AuditSearch audit;
    private final List<AuditObjects> objects;

    WorkbenchPage(
            List<HomeTiles> figures,
            List<WorkbenchAction.Source> sources,
            Permissions may,
            TerritoryQueries territory,
            OrganizationQueries organizations,
            AuditSearch audit,
            List<AuditObjects> objects) {
        this.objects = objects;
        this.figures = figures;
        this.sources = sources;
        this.may = may;
        this.territory = territory;
        this.organizations = organizations;
        this.audit = audit;
    }

    @GetMapping("/workbench")
    String workbench(@AuthenticationPrincipal Object principal, Model model) {
        if (principal instanceof ResidentPrincipal) {
            return "redirect:/resident";
        }
        StaffPrincipal staff = (StaffPrincipal) principal;
        AccessScope scope = staff.scope();
        List<UnitView> units = territory
                .units(staff.units().stream().map(UnitId::new).toList())
                .values()
                .stream()
                .sorted(Comparator.comparing(UnitView::kind).thenComparing(UnitView::code))
                .toList();
        model.addAttribute("staff", staff);
        model.addAttribute("units", units);
        model.addAttribute(
                "organisations",
                staff.organisations().stream()
                        .flatMap(id -> organizations.organisation(new OrganisationId(id)).stream())
                        .toList());
        model.addAttribute("home", territory.homeUnit(scope).orElse(null));
        model.addAttribute(
                "tiles",
                figures.stream()
                        .flatMap(f -> f.tiles(scope).stream())
                        .sorted(Comparator.comparingInt(HomeTile::order))
                        .toList());
        model.addAttribute(
                "actions",
                sources.stream()
                        .flatMap(s -> s.actions(scope).stream())
                        .filter(a -> may.to(a.permission().code()))
                        .sorted(Comparator.comparingInt(WorkbenchAction::order))
                        .toList());
        model.addAttribute("recent", recent(staff.username()));
        return "identity/workbench";
    }

    /** Audit actions that record signing in, not work done. */
    private static final java.util.Set<String> SIGN_INS =
            java.util.Set.of("identity.signed-in", "identity.sign-in.failed");

    /** One of the account's own recent changes: when, what (an action code) and on what, by name and link. */
    record Recent(java.time.Instant at, String action, AuditObjects.Named object) {}

    /** The account's last eight changes — sign-ins left out, they are not work — each naming what it changed. */
    private List<Recent> recent(String username) {
        List<AuditSearch.Entry> changes = audit.search(AuditSearch.Filter.byActor(username), 1, 40).entries().stream()
                .filter(e -> !SIGN_INS.contains(e.action()))
                .limit(8)
                .toList();
        java.util.Map<String, java.util.Map<String, AuditObjects.Named>> names = AuditObjects.nameAll(
                objects,
                changes.stream()
                        .filter(e -> e.objectType() != null && e.objectId() != null)
                        .collect(java.util.stream.Collectors.groupingBy(
                                AuditSearch.Entry::objectType,
                                java.util.stream.Collectors.mapping(
                                        AuditSearch.Entry::objectId, java.util.stream.Collectors.toSet()))));
        return changes.stream()
                .map(e -> new Recent(
                        e.at(),
                        e.action(),
                        // A change of no one object (an export) names none.
                        e.objectType() == null || e.objectId() == null
                                ? null
                                : names.getOrDefault(e.objectType(), java.util.Map.of())
                                        .get(e.objectId())))
                .toList();
    }

    /** The accounts page, offered on the 安全管理员's workbench. */
    @Component
    static class Accounts implements WorkbenchAction.Source {

        @Override
        public List<WorkbenchAction> actions(org.gongzhi.platform.AccessScope scope) {
            return List.of(
                    new WorkbenchAction(80, "admin.accounts", "/admin/accounts", IdentityPermission.MANAGE_ACCOUNTS));
        }
    }
}
