package org.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
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
        String query = failed instanceof String ? null : request.getQueryString();
        // A refused form shown again answers a POST whose address may have no page (/councils/{id}/members): the
        // switch goes back to the page the form was on, as the form named it (FormOrigin), else as the browser did.
        if (!"GET".equals(request.getMethod()) && !(failed instanceof String)) {
            String page = FormOrigin.pageOf(request);
            URI from = page != null ? parse(page) : sameSite(request, request.getHeader("Referer"));
            if (from != null) {
                path = from.getRawPath();
                query = from.getRawQuery();
            }
        }
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", lang)
                .build(true)
                .toUriString();
    }

    private static URI parse(String page) {
        try {
            return new URI(page);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static URI sameSite(HttpServletRequest request, String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            boolean here = uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/");
            return here ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
