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
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("lang", lang)
                .build(true)
                .toUriString();
    }
}
