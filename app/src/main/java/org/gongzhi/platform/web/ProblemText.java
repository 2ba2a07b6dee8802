package org.gongzhi.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A problem answered outside Spring MVC (by the servlet container's valve, or a filter that must not let the request
 * go further): problem+json for API clients, a short page in the reader's language for a browser.
 */
record ProblemText(String contentType, String body) {

    static ProblemText of(int status, String code, String accept, String acceptLanguage, MessageSource messages) {
        Locale locale = LocaleConfiguration.preferred(acceptLanguage);
        String detail = messages.getMessage(code, null, code, locale);
        String title = messages.getMessage("problem.title." + status, null, "", locale);
        if (accept != null && accept.contains("text/html")) {
            return new ProblemText(
                    "text/html;charset=UTF-8",
                    "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                            + escape(title) + " · 共治</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head>"
                            + "<body><main><h1>" + status + " " + escape(title) + "</h1><p>" + escape(detail)
                            + "</p><p><a href=\"/\">共治 Gongzhi</a></p></main></body></html>");
        }
        return new ProblemText(
                "application/problem+json;charset=UTF-8",
                "{\"type\":\"urn:gongzhi:problem:" + code + "\",\"title\":" + quote(title) + ",\"status\":" + status
                        + ",\"detail\":" + quote(detail) + ",\"code\":\"" + code + "\"}");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
