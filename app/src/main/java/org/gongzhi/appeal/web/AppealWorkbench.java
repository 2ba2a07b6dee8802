package org.gongzhi.appeal.web;

import java.util.List;
import org.gongzhi.appeal.AppealPermission;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.WorkbenchAction;
import org.springframework.stereotype.Component;

/**
 * The appeal work a staff member can start from the workbench: their work orders (the handling units' staff), the
 * appeals of their area, and taking a new one (who may register patrol findings may register something).
 */
@Component
class AppealWorkbench implements WorkbenchAction.Source {

    @Override
    public List<WorkbenchAction> actions(AccessScope scope) {
        return List.of(
                new WorkbenchAction(10, "appeal.page.work", "/appeals/work", AppealPermission.HANDLE),
                new WorkbenchAction(12, "appeal.page.list", "/appeals", AppealPermission.READ),
                new WorkbenchAction(14, "appeal.page.new", "/appeals/new", AppealPermission.REGISTER_PATROL));
    }
}
