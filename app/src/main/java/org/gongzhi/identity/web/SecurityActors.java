package org.gongzhi.identity.web;

import org.gongzhi.identity.ResidentPrincipal;
import org.gongzhi.identity.StaffPrincipal;
import org.gongzhi.platform.AccessScopes;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail's actor: the signed-in account with its roles and scope, a signed-in resident by pseudonymous id, and
 * the client address.
 */
@Component
@Primary
class SecurityActors implements ActorResolver {

    private final AccessScopes scopes;

    SecurityActors(AccessScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public Actor current() {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                ? r.getRequest().getRemoteAddr()
                : null;
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            String roles =
                    String.join(",", p.roles().stream().map(Enum::name).sorted().toList());
            return new Actor(p.username(), roles, scopes.current().summary(), address);
        }
        if (auth != null && auth.getPrincipal() instanceof ResidentPrincipal r) {
            // A resident by their pseudonymous id, never the phone number.
            return new Actor("resident:" + r.residentId(), "RESIDENT", "-", address);
        }
        return address == null ? Actor.system() : new Actor("anonymous", "ANONYMOUS", "-", address);
    }
}
