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
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, query parameters and form fields holding a NUL or another control
 * character (tab and line breaks aside): no rule, query or table could use them, and PostgreSQL cannot store a NUL.
 * The refusal is a 400 in the one error format ({@code request.control-character}), naming the parameter. A body the
 * container cannot parse as parameters at all is a 400 ({@code request.unreadable}), or 413 when it is too large.
 */
class RequestTextFilter extends OncePerRequestFilter {

    private final MessageSource messages;

    RequestTextFilter(MessageSource messages) {
        this.messages = messages;
    }

    /** The request attribute through which a refusal made outside a controller names its problem code. */
    static final String PROBLEM_CODE = RequestTextFilter.class.getName() + ".code";

    static final String PROBLEM_LOCATION = RequestTextFilter.class.getName() + ".location";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            // A wildcard or unparseable Content-Type names no format a body could be read in (RFC 9110 §8.3).
            ProblemText problem = ProblemText.of(
                    415, "http.415", request.getHeader("Accept"), request.getHeader("Accept-Language"), messages);
            response.setStatus(415);
            response.setContentType(problem.contentType());
            response.getWriter().write(problem.body());
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // A form or upload the container cannot parse (no multipart boundary, malformed encoding, too large):
            // answered here, since every later reader of a parameter would fail the same way.
            int status = tooLarge(unreadable) ? 413 : 400;
            ProblemText problem = ProblemText.of(
                    status,
                    status == 413 ? "request.too-large" : "request.unreadable",
                    request.getHeader("Accept"),
                    request.getHeader("Accept-Language"),
                    messages);
            response.setStatus(status);
            response.setContentType(problem.contentType());
            response.getWriter().write(problem.body());
            return;
        }
        String bad = badParameter(request.getQueryString(), parameters);
        if (bad != null) {
            request.setAttribute(PROBLEM_CODE, "request.control-character");
            request.setAttribute(PROBLEM_LOCATION, bad);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || c.getClass().getSimpleName().contains("CountLimitExceeded")) {
                return true;
            }
        }
        return false;
    }

    /** The text fields of a multipart form are parameters too, and are checked like any other. */
    private static String badParameter(String query, Map<String, String[]> parameters) {
        String inQuery = badInQuery(query);
        if (inQuery != null) {
            return inQuery;
        }
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
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
        FilterRegistrationBean<RequestTextFilter> requestTextFilter(MessageSource messages) {
            var registration = new FilterRegistrationBean<>(new RequestTextFilter(messages));
            // After the character encoding filter (which must see the request first), before security and MVC.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
