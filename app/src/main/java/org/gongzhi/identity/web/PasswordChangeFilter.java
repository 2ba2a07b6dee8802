package org.gongzhi.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in account that must choose a new password (one the 安全管理员 set, or one past its rotation) on the
 * password page: every other page redirects there and the API answers 403 {@code identity.password.must-change},
 * until the new password is saved. Signing out, the page's own assets and error pages stay reachable.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    static final String REQUIRED = PasswordChangeFilter.class.getName() + ".required";
    static final String PAGE = "/account/password";

    private static final List<String> OPEN =
            List.of(PAGE, "/logout", "/css/", "/js/", "/webjars/", "/favicon", "/error");

    private final SecurityConfiguration.ApiProblemWriter problems;

    PasswordChangeFilter(SecurityConfiguration.ApiProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session == null
                || session.getAttribute(REQUIRED) == null
                || OPEN.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            problems.write(request, response, 403, "identity.password.must-change");
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
    }
}
