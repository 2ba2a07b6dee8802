package org.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The language switch's links: the same page with the same query, only {@code lang} changed. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LanguageLinks {

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return Map.of("zh", link(request, "zh_CN"), "en", link(request, "en"));
    }

    static String link(HttpServletRequest request, String lang) {
        // An error page links to the address that failed, not to /error.
        Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        return UriComponentsBuilder.fromPath(path)
                .query(failed instanceof String ? null : request.getQueryString())
                .replaceQueryParam("lang", lang)
                .build(true)
                .toUriString();
    }
}
