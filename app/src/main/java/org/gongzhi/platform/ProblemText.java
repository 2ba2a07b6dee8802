package org.gongzhi.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A problem answered outside Spring MVC — by a security entry point, a filter that must stop the request, or the
 * servlet container's valve — in the one error format: RFC 9457 problem+json with a stable {@code code} for API
 * clients, a short page in the platform's style for a browser.
 */
public record ProblemText(int status, String contentType, String body) {

    /**
     * The problem {@code code} with HTTP {@code status} in {@code locale}; a page when {@code page}, else problem+json
     * naming {@code instance} (the request path; may be {@code null}).
     */
    public static ProblemText of(
            int status, String code, Locale locale, boolean page, String instance, MessageSource messages) {
        return of(status, code, null, locale, page, instance, messages);
    }

    /** As {@link #of(int, String, Locale, boolean, String, MessageSource)}, the message filled with {@code args}. */
    public static ProblemText of(
            int status,
            String code,
            Object[] args,
            Locale locale,
            boolean page,
            String instance,
            MessageSource messages) {
        String detail = messages.getMessage(code, args, code, locale);
        String title = messages.getMessage("problem.title." + status, null, "", locale);
        if (page) {
            return new ProblemText(
                    status,
                    "text/html;charset=UTF-8",
                    "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                            + escape(title) + " · 共治</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                            + "<body><main><h1>" + status + " " + escape(title) + "</h1><p>" + escape(detail)
                            + "</p><p><a href=\"/\">共治 Gongzhi</a></p></main></body></html>");
        }
        return new ProblemText(
                status,
                "application/problem+json;charset=UTF-8",
                "{\"type\":\"urn:gongzhi:problem:" + code + "\",\"title\":" + quote(title) + ",\"status\":" + status
                        + ",\"detail\":" + quote(detail) + ",\"code\":\"" + code + "\""
                        + (instance == null ? "" : ",\"instance\":" + quote(instance)) + "}");
    }

    /** Sets the status and content type and writes the body. */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.getWriter().write(body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
