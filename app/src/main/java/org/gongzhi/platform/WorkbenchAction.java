package org.gongzhi.platform;

import java.util.List;

/**
 * Something a staff member can start from the workbench: a label (message key), the page that starts it and the
 * {@link Permission} it needs. The workbench offers only the actions the person's roles hold.
 */
public record WorkbenchAction(int order, String labelKey, String link, Permission permission) {

    /** Implemented by a module that has work to offer on the workbench. */
    public interface Source {

        /**
         * The work this module offers to someone with {@code scope}: all of it that makes sense there (founding a
         * council is not offered where every unit has one); the workbench then keeps what the roles allow.
         */
        List<WorkbenchAction> actions(AccessScope scope);
    }
}
