package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Where a CSRF token may come from and when one is kept. A token is read from the {@code X-CSRF-TOKEN} header or a
 * form body, never from the query string — a URL ends up in logs, histories and Referer headers, so a token there is
 * a token leaked. And a refused state-changing request from someone without a session does not get one: a new token
 * is kept only when a page hands it out or a session already exists, so a flood of forged requests leaves no sessions.
 */
final class CsrfRules {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CsrfRules() {}

    /** Masked tokens (BREACH protection), resolved from the header or the body only. */
    static final class BodyOrHeaderTokens implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(
                HttpServletRequest request,
                HttpServletResponse response,
                java.util.function.Supplier<CsrfToken> csrfToken) {
            masked.handle(request, response, csrfToken);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            return masked.resolveCsrfTokenValue(
                    new QueryWithoutToken(request, csrfToken.getParameterName()), csrfToken);
        }
    }

    /** Hides a token parameter that arrived in the query string (and refuses the token altogether then). */
    private static final class QueryWithoutToken extends HttpServletRequestWrapper {

        private final String parameter;

        QueryWithoutToken(HttpServletRequest request, String parameter) {
            super(request);
            this.parameter = parameter;
        }

        @Override
        public String getParameter(String name) {
            if (name.equals(parameter) && inQuery(getQueryString(), parameter)) {
                return null;
            }
            return super.getParameter(name);
        }

        private static boolean inQuery(String query, String parameter) {
            if (query == null) {
                return false;
            }
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0];
                if (java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8)
                        .equals(parameter)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Keeps tokens in the session, but opens no session to keep one for a request that changes something. */
    static final class SessionSparingTokens implements CsrfTokenRepository {

        private final HttpSessionCsrfTokenRepository delegate = new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return delegate.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (token != null
                    && request.getSession(false) == null
                    && (!SAFE_METHODS.contains(request.getMethod().toUpperCase(java.util.Locale.ROOT))
                            || response == null
                            || response.isCommitted())) {
                // Either a refused write, or a page already on its way asking for a token mid-render: opening a
                // session now would break the page off; its form then simply carries a token no session knows.
                return;
            }
            delegate.saveToken(token, request, response);
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return delegate.loadToken(request);
        }
    }
}
