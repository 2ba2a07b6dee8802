package org.gongzhi.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongzhi.organization.OrganizationPermission;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitId;
import org.gongzhi.territory.UnitKind;
import org.springframework.stereotype.Component;

/**
 * The organisation work a staff member can start from the workbench. Founding a council is offered only while some
 * 街道 or 社区 in the scope has none (a unit has one council, DOMAIN §3).
 */
@Component
class OrganizationWorkbench implements WorkbenchAction.Source {

    private final OrganizationQueries organizations;
    private final TerritoryQueries territory;

    OrganizationWorkbench(OrganizationQueries organizations, TerritoryQueries territory) {
        this.organizations = organizations;
        this.territory = territory;
    }

    @Override
    public List<WorkbenchAction> actions(AccessScope scope) {
        List<WorkbenchAction> actions = new ArrayList<>();
        if (councilsToFound(scope)) {
            actions.add(
                    new WorkbenchAction(30, "council.found", "/councils/new", OrganizationPermission.FOUND_COUNCIL));
        }
        actions.add(
                new WorkbenchAction(40, "list.draw", "/responsibility-lists/new", OrganizationPermission.DRAW_LIST));
        actions.add(new WorkbenchAction(50, "organization.new", "/organizations/new", OrganizationPermission.REGISTER));
        actions.add(
                new WorkbenchAction(60, "organization.import", "/organizations/import", OrganizationPermission.IMPORT));
        return actions;
    }

    private boolean councilsToFound(AccessScope scope) {
        Set<UnitId> within = territory.within(scope);
        long seats = territory.count(UnitKind.SUBDISTRICT, within) + territory.count(UnitKind.COMMUNITY, within);
        return organizations.councilCount(within) < seats;
    }
}
