package org.gongzhi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gongzhi.shared.Text;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, query parameters and form fields holding a NUL or another control
 * character (tab and line breaks aside): no rule, query or table could use them, and PostgreSQL cannot store a NUL.
 * The refusal is a 400 in the one error format ({@code request.control-character}), naming the parameter.
 */
class RequestTextFilter extends OncePerRequestFilter {

    /** The request attribute through which a refusal made outside a controller names its problem code. */
    static final String PROBLEM_CODE = RequestTextFilter.class.getName() + ".code";

    static final String PROBLEM_LOCATION = RequestTextFilter.class.getName() + ".location";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bad = badParameter(request);
        if (bad != null) {
            request.setAttribute(PROBLEM_CODE, "request.control-character");
            request.setAttribute(PROBLEM_LOCATION, bad);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String badParameter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
            // Reading the parameters of an upload would parse it here; its query string is checked alone.
            return badInQuery(request.getQueryString());
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (Text.hasForbiddenControl(e.getKey())) {
                return "?";
            }
            for (String value : e.getValue()) {
                if (Text.hasForbiddenControl(value)) {
                    return Text.hasForbiddenControl(e.getKey()) ? "?" : e.getKey();
                }
            }
        }
        return null;
    }

    private static String badInQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (Text.hasForbiddenControl(name) || Text.hasForbiddenControl(value)) {
                    return Text.hasForbiddenControl(name) ? "?" : name;
                }
            } catch (IllegalArgumentException malformed) {
                return kv[0];
            }
        }
        return null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<RequestTextFilter> requestTextFilter() {
            var registration = new FilterRegistrationBean<>(new RequestTextFilter());
            // After the character encoding filter (which must see the request first), before security and MVC.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
