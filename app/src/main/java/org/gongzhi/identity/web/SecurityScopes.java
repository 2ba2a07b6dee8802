package org.gongzhi.identity.web;

import org.gongzhi.identity.StaffPrincipal;
import org.gongzhi.platform.AccessScope;
import org.gongzhi.platform.AccessScopes;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in account's scope (the whole installation for administrators); none for an anonymous request, every scope
 * for the platform's own work.
 */
@Component
class SecurityScopes implements AccessScopes {

    @Override
    public AccessScope current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return p.scope();
        }
        return RequestContextHolder.getRequestAttributes() == null ? AccessScope.platform() : AccessScope.none();
    }
}
