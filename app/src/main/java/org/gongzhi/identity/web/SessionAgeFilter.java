package org.gongzhi.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.gongzhi.identity.StaffPrincipal;
import org.gongzhi.identity.domain.SessionLimits;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session after the idle or absolute limit ({@link SessionLimits}), judged by the platform clock, so
 * that the limits hold (and can be tested) whatever the servlet container's own timeout does. Deliberately not a
 * bean: as one, Spring Boot would also register it outside the security chain.
 */
class SessionAgeFilter extends OncePerRequestFilter {

    static final String SIGNED_IN = "gongzhi.signedInAt";
    static final String LAST_USED = "gongzhi.lastUsedAt";

    private final SessionLimits limits;
    private final Clock clock;

    SessionAgeFilter(SessionLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && auth != null && auth.getPrincipal() instanceof StaffPrincipal) {
            Instant now = clock.instant();
            Instant signedIn = (Instant) session.getAttribute(SIGNED_IN);
            Instant lastUsed = (Instant) session.getAttribute(LAST_USED);
            if (signedIn == null) {
                session.setAttribute(SIGNED_IN, now);
                session.setAttribute(LAST_USED, now);
            } else if (limits.ended(signedIn, lastUsed == null ? signedIn : lastUsed, now)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (request.getRequestURI().startsWith("/api/")) {
                    response.sendError(401);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            } else {
                session.setAttribute(LAST_USED, now);
            }
        }
        chain.doFilter(request, response);
    }
}
