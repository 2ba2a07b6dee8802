package org.gongzhi.territory.web;

import java.util.List;
import org.gongzhi.platform.WorkbenchAction;
import org.gongzhi.territory.TerritoryPermission;
import org.springframework.stereotype.Component;

/** The territory work a staff member can start from the workbench. */
@Component
class TerritoryWorkbench implements WorkbenchAction.Source {

    @Override
    public List<WorkbenchAction> actions(org.gongzhi.platform.AccessScope scope) {
        return List.of(new WorkbenchAction(70, "territory.import", "/territory/import", TerritoryPermission.IMPORT));
    }
}
