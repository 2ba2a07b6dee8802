package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gongzhi.identity.StaffPrincipal;
import org.gongzhi.identity.domain.Account;
import org.gongzhi.identity.domain.SignIns;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** User name, password and — for accounts that need it — a TOTP code, checked in one step. */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final SignIns signIns;

    StaffAuthenticationProvider(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String code = authentication.getDetails() instanceof CodeDetails d ? d.code() : null;
        SignIns.Outcome outcome = signIns.attempt(
                authentication.getName(),
                authentication.getCredentials() == null
                        ? null
                        : authentication.getCredentials().toString(),
                code);
        return switch (outcome.result()) {
            case SIGNED_IN -> token(outcome.account());
            case LOCKED -> throw new LockedException("locked");
            case REFUSED -> throw new BadCredentialsException("refused");
        };
    }

    static UsernamePasswordAuthenticationToken token(Account a) {
        var principal = StaffPrincipal.of(a);
        List<SimpleGrantedAuthority> authorities = a.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

    /** The sign-in form's details, with the TOTP code typed beside the password. */
    static final class CodeDetails extends WebAuthenticationDetails {

        private final String code;

        CodeDetails(HttpServletRequest request) {
            super(request);
            String typed = request.getParameter("code");
            this.code = org.gongzhi.shared.Text.digits(typed);
        }

        String code() {
            return code;
        }
    }
}
