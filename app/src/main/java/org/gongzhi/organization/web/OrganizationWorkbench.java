package org.gongzhi.organization.web;

import java.util.List;
import org.gongzhi.organization.OrganizationPermission;
import org.gongzhi.platform.WorkbenchAction;
import org.springframework.stereotype.Component;

/** The organisation work a staff member can start from the workbench. */
@Component
class OrganizationWorkbench implements WorkbenchAction.Source {

    @Override
    public List<WorkbenchAction> actions() {
        return List.of(
                new WorkbenchAction(30, "council.found", "/councils/new", OrganizationPermission.FOUND_COUNCIL),
                new WorkbenchAction(40, "list.draw", "/responsibility-lists/new", OrganizationPermission.DRAW_LIST),
                new WorkbenchAction(50, "organization.new", "/organizations/new", OrganizationPermission.REGISTER),
                new WorkbenchAction(60, "organization.import", "/organizations/import", OrganizationPermission.IMPORT));
    }
}
