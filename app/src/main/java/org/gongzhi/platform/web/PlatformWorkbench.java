package org.gongzhi.platform.web;

import java.util.List;
import org.gongzhi.platform.PlatformPermission;
import org.gongzhi.platform.WorkbenchAction;
import org.springframework.stereotype.Component;

/** The audit trail, offered on the 审计管理员's workbench. */
@Component
class PlatformWorkbench implements WorkbenchAction.Source {

    @Override
    public List<WorkbenchAction> actions(org.gongzhi.platform.AccessScope scope) {
        return List.of(new WorkbenchAction(90, "audit.title", "/audit", PlatformPermission.READ_AUDIT));
    }
}
