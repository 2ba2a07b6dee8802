package org.gongzhi.identity.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.gongzhi.identity.AccountManagement;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.domain.SessionLimits;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.ProblemText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what over the web. Reading the territory, organisations, councils and lists is public; every change
 * needs a signed-in staff account with a role allowed to make it. Pages sign in with a form (CSRF-protected); the API
 * answers 401/403 as problem+json instead of redirecting.
 */
@Configuration(proxyBeanMethods = false)
// The one-shot commands (first administrator, audit check) run without a web server and so without HttpSecurity.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String[] TERRITORY_WRITERS = {Role.SYS_ADMIN.name(), Role.STREET_ADMIN.name()};
    static final String[] ORGANIZATION_WRITERS = {Role.STREET_ADMIN.name(), Role.COMMUNITY_WORKER.name()};

    @Bean
    SecurityFilterChain web(
            HttpSecurity http,
            SessionLimits limits,
            Clock clock,
            MessageSource messages,
            LocaleResolver locales,
            AuditTrail audit,
            TransactionTemplate transaction,
            AccountManagement accounts,
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    RequestMappingHandlerMapping pages)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        var problems = new ApiProblemWriter(messages, locales);
        var refusals = new RefusalLog(audit, transaction, clock);
        // The provider is a bean, so Spring Security registers it once with the global manager; adding it here as
        // well would run every sign-in twice (and count every failure twice).
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/territory/import",
                                "/organizations/new",
                                "/organizations/*/edit",
                                "/organizations/import",
                                "/councils/new",
                                "/responsibility-lists/new",
                                "/workbench")
                        .authenticated()
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole(Role.SEC_ADMIN.name())
                        .requestMatchers("/account/**")
                        .authenticated()
                        .requestMatchers("/audit", "/audit/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/resident/login")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/resident/code", "/resident/login")
                        .permitAll()
                        .requestMatchers("/resident", "/resident/**")
                        .hasRole(Role.RESIDENT.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/appeals/track", "/report", "/track")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/report", "/report/done", "/track")
                        .permitAll()
                        // 项目清单 公开展示: approved and completed projects for anyone; evaluating needs a sign-in.
                        .requestMatchers(HttpMethod.GET, "/public/projects", "/public/projects/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/public/projects/*/evaluations")
                        .authenticated()
                        // Open311 GeoReport v2: public reads; filing checks the client's api_key itself.
                        .requestMatchers("/open311/v2/**")
                        .permitAll()
                        // 回访 through the tracking link: the reporter proves their number with a code on these pages.
                        .requestMatchers("/track/*/follow-up", "/track/*/follow-up/*")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/appeals",
                                "/api/v1/appeals/**",
                                "/api/v1/inbox/**",
                                "/api/v1/knowledge-articles",
                                "/api/v1/knowledge-articles/**",
                                "/api/v1/whistles",
                                "/api/v1/whistles/**",
                                "/api/v1/indicators",
                                "/api/v1/indicators/**",
                                "/api/v1/resources",
                                "/api/v1/resources/**",
                                "/api/v1/bookings",
                                "/api/v1/bookings/**",
                                "/api/v1/needs",
                                "/api/v1/needs/**",
                                "/api/v1/projects",
                                "/api/v1/projects/**",
                                "/api/v1/experts",
                                "/api/v1/experts/**",
                                "/api/v1/service-circle/**")
                        .authenticated()
                        // The dispatch directory is staff reading (the façade refuses residents); a visitor signs in.
                        .requestMatchers(HttpMethod.GET, "/api/v1/dispatch-rules", "/api/v1/dispatch-rules/**")
                        .authenticated()
                        // Any staff member registering an appeal confirms its place from the address.
                        .requestMatchers(HttpMethod.POST, "/api/v1/territory/address-candidates")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/appeals",
                                "/appeals/**",
                                "/settings/**",
                                "/inbox/**",
                                "/whistles/**",
                                "/resources",
                                "/resources/**",
                                "/bookings/**",
                                "/needs",
                                "/needs/**",
                                "/experts",
                                "/experts/**",
                                "/projects",
                                "/projects/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/appeal-categories/**")
                        .hasRole(Role.STREET_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasRole(Role.SYS_ADMIN.name())
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/login",
                                "/error",
                                "/territory/**",
                                "/organizations/**",
                                "/councils/**",
                                "/responsibility-lists/**",
                                "/api/v1/**",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/v1/territory/**", "/territory/**")
                        .hasAnyRole(TERRITORY_WRITERS)
                        .requestMatchers("/api/v1/dispatch-rules", "/api/v1/dispatch-rules/**")
                        .hasRole(Role.STREET_ADMIN.name())
                        .requestMatchers(
                                "/api/v1/organizations/**",
                                "/api/v1/councils/**",
                                "/api/v1/responsibility-lists/**",
                                "/organizations/**",
                                "/councils/**",
                                "/responsibility-lists/**")
                        .hasAnyRole(ORGANIZATION_WRITERS)
                        .requestMatchers(HttpMethod.GET, "/**")
                        .access(signedInWhereAPageExists(pages))
                        .anyRequest()
                        .denyAll())
                .csrf(c -> c.csrfTokenRepository(new CsrfRules.SessionSparingTokens())
                        .csrfTokenRequestHandler(new CsrfRules.BodyOrHeaderTokens())
                        // Open311 clients are machines: they prove themselves with their api_key, hold no session,
                        // and so carry no CSRF token (ADR 0025).
                        .ignoringRequestMatchers("/open311/v2/**"))
                .formLogin(f -> f.loginPage("/login")
                        .authenticationDetailsSource(StaffAuthenticationProvider.CodeDetails::new)
                        .failureHandler(failure())
                        .successHandler(success(accounts))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                (request, response, ex) ->
                                        problems.write(request, response, 401, "identity.sign-in.needed"),
                                api)
                        // A resident's pages send a signed-out visitor to the resident sign-in, not the staff one.
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/resident/login"),
                                request -> request.getRequestURI().startsWith("/resident"))
                        .accessDeniedHandler((request, response, ex) -> {
                            if (ex instanceof CsrfException) {
                                // A forged or missing token is an attack or a stale page: either way, on the record.
                                refusals.refused("security.csrf-refused", request);
                            }
                            if (api.matches(request)) {
                                problems.write(request, response, 403, "identity.forbidden");
                            } else if (ex instanceof CsrfException && signedOut()) {
                                // A form sent after the session ended (signed out, timed out): sign in again,
                                // told why, rather than a bare "forbidden".
                                response.sendRedirect(request.getContextPath()
                                        + (request.getRequestURI().startsWith("/resident")
                                                ? "/resident/login?unsaved"
                                                : "/login?unsaved"));
                            } else if (ex instanceof CsrfException) {
                                // Signed in, but the form was read in an earlier session (signed out and in
                                // again elsewhere): back to its page, saying nothing was saved.
                                expiredForm(
                                        request,
                                        response,
                                        messages.getMessage(
                                                "security.form-expired", null, locales.resolveLocale(request)));
                            } else {
                                response.sendError(403);
                            }
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
                                + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new SessionAgeFilter(limits, clock), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(problems), SessionAgeFilter.class);
        return http.build();
    }

    /** Redirects to the page the refused form was on (its {@code _page}), the reason shown there once. */
    private static void expiredForm(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        String page = org.gongzhi.platform.FormPage.posted(request);
        if (page == null) {
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            page = auth != null && auth.getPrincipal() instanceof org.gongzhi.identity.ResidentPrincipal
                    ? "/resident"
                    : "/workbench";
        }
        var flash = new org.springframework.web.servlet.FlashMap();
        flash.put("refusal", reason);
        flash.setTargetRequestPath(page.replaceFirst("[?#].*$", ""));
        new org.springframework.web.servlet.support.SessionFlashMapManager()
                .saveOutputFlashMap(flash, request, response);
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + page);
    }

    private static boolean signedOut() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth == null
                || !auth.isAuthenticated()
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
    }

    /**
     * Staff land on their workbench (or the page that sent them to sign in); an account whose password was set by the
     * 安全管理员, or has expired, goes to choose a new one first and can do nothing else until it has.
     */
    private static AuthenticationSuccessHandler success(AccountManagement accounts) {
        var saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/workbench");
        return (request, response, authentication) -> {
            if (accounts.mustChangePassword(authentication.getName())) {
                request.getSession().setAttribute(PasswordChangeFilter.REQUIRED, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + PasswordChangeFilter.PAGE);
                return;
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Any other page needs a signed-in person; an address no page answers is let through, to be answered 404 like any
     * unknown address rather than with a sign-in page that suggests something is there.
     */
    private static AuthorizationManager<RequestAuthorizationContext> signedInWhereAPageExists(
            RequestMappingHandlerMapping pages) {
        AuthenticatedAuthorizationManager<RequestAuthorizationContext> signedIn =
                AuthenticatedAuthorizationManager.authenticated();
        return (authentication, context) -> {
            boolean exists;
            try {
                exists = pages.getHandler(context.getRequest()) != null;
            } catch (Exception e) {
                exists = true;
            }
            return exists ? signedIn.authorize(authentication, context) : new AuthorizationDecision(true);
        };
    }

    /** Every refusal reads the same; a lock says so only once the right password no longer matters. */
    private static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.core.AuthenticationException e) -> {
            boolean locked = e instanceof org.springframework.security.authentication.LockedException;
            // The sign-in page keeps the user name for the next try: in the session the page opened (never in the
            // URL), read once.
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            String typed = request.getParameter("username");
            if (session != null && typed != null && typed.length() <= 50) {
                session.setAttribute(SignInPage.TYPED_USERNAME, typed.strip());
            }
            response.sendRedirect(request.getContextPath() + "/login?" + (locked ? "locked" : "error"));
        };
    }

    /** Writes 401/403 for the API as problem+json in the caller's language. */
    record ApiProblemWriter(MessageSource messages, LocaleResolver locales) {

        void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
                throws IOException {
            ProblemText.of(status, code, locales.resolveLocale(request), false, request.getRequestURI(), messages)
                    .writeTo(response);
        }
    }
}
