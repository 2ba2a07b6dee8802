package org.gongzhi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.gongzhi.platform.ProblemText;
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
            problem(request, 415, "http.415", messages).writeTo(response);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // A form or upload the container cannot parse (no multipart boundary, malformed encoding, too large):
            // answered here, since every later reader of a parameter would fail the same way.
            boolean tooLarge = tooLarge(unreadable);
            problem(request, tooLarge ? 413 : 400, tooLarge ? "request.too-large" : "request.unreadable", messages)
                    .writeTo(response);
            return;
        }
        String bad = badParameter(parameters);
        if (bad != null) {
            request.setAttribute(PROBLEM_CODE, "request.control-character");
            request.setAttribute(PROBLEM_LOCATION, bad);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A problem in the reader's language (Accept-Language), as a page for a browser and as problem+json otherwise. */
    static ProblemText problem(HttpServletRequest request, int status, String code, MessageSource messages) {
        return problem(request, status, code, null, messages);
    }

    /** As {@link #problem(HttpServletRequest, int, String, MessageSource)}, the message filled with {@code args}. */
    static ProblemText problem(
            HttpServletRequest request, int status, String code, Object[] args, MessageSource messages) {
        String accept = request.getHeader("Accept");
        return ProblemText.of(
                status,
                code,
                args,
                LocaleConfiguration.preferred(request.getHeader("Accept-Language")),
                accept != null && accept.contains("text/html"),
                request.getRequestURI(),
                messages);
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

    /**
     * The query string's parameters and a form's fields (the text fields of a multipart form too) are all in the
     * parameter map; the first name or value holding a forbidden character is returned ({@code ?} for a bad name).
     */
    private static String badParameter(Map<String, String[]> parameters) {
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
