package org.gongzhi.dispatch.web;

import java.util.List;
import org.gongzhi.dispatch.DispatchPermission;
import org.gongzhi.dispatch.DispatchQueries;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.WorkbenchAction;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The 督办 list (/supervisions): every deadline that passed on an appeal of the reader's 街道s or of their
 * organisations, newest first, with the handling unit and the deadline it missed.
 */
@Controller
class SupervisionPages {

    /** How many supervisions the page shows. */
    static final int SHOWN = 200;

    private final DispatchQueries queries;

    SupervisionPages(DispatchQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/supervisions")
    String page(Model model) {
        model.addAttribute("supervisions", queries.supervisions(SHOWN));
        model.addAttribute("shown", SHOWN);
        return "dispatch/supervisions";
    }

    @Component
    static class Work implements WorkbenchAction.Source {

        @Override
        public List<WorkbenchAction> actions(AccessScope scope) {
            return List.of(new WorkbenchAction(
                    16, "dispatch.supervision.page.title", "/supervisions", DispatchPermission.READ_SUPERVISIONS));
        }
    }
}
