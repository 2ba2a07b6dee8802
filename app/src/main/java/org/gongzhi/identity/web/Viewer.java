package org.gongzhi.identity.web;

import org.gongzhi.identity.ResidentPrincipal;
import org.gongzhi.identity.StaffPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is looking at a page — a visitor, a resident or a staff member, and the name the header shows — worked out once
 * per request for the layout (it asked Spring Security's expression engine seven times a page).
 */
@ControllerAdvice(annotations = Controller.class)
class Viewer {

    /** The viewer as the layout needs it; {@code name} is a display name or a masked number, never a full number. */
    record Seen(boolean staff, boolean resident, String name) {

        public boolean visitor() {
            return !staff && !resident;
        }
    }

    @ModelAttribute("viewer")
    Seen viewer() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Object principal = auth == null ? null : auth.getPrincipal();
        if (principal instanceof StaffPrincipal s) {
            return new Seen(true, false, s.displayName());
        }
        if (principal instanceof ResidentPrincipal r) {
            return new Seen(false, true, r.maskedPhone());
        }
        return new Seen(false, false, null);
    }
}
