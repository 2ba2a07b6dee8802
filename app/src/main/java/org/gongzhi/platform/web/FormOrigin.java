package org.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongzhi.platform.FormPage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Every form a page renders carries the address of the page it is on ({@value #FIELD}), next to the CSRF token, so a
 * refused form shown again — at the POST address, which may have no page of its own — still knows its page: the
 * language switch goes back there, however many times the form was refused. Wraps the processor Spring Security
 * registers for the CSRF field rather than replacing it.
 */
@Component
class FormOrigin implements BeanPostProcessor {

    /** The hidden field naming the page a form was on. */
    static final String FIELD = FormPage.FIELD;

    private static final String GET_FORM = FormOrigin.class.getName() + ".GET_FORM";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestDataValueProcessor csrf && !(bean instanceof Adding)) {
            return new Adding(csrf);
        }
        return bean;
    }

    /**
     * The page a request's form was on: for a GET the request itself, for a form posted from a page its {@value #FIELD}
     * (a path on this site only); {@code null} when neither is known.
     */
    static String pageOf(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            return request.getRequestURI() + (query == null ? "" : "?" + query);
        }
        return FormPage.posted(request);
    }

    private record Adding(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            // A form that is read, not posted (a filter), carries no hidden fields into its address.
            request.setAttribute(GET_FORM, method != null && "GET".equalsIgnoreCase(method));
            return delegate.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> csrf = delegate.getExtraHiddenFields(request);
            if (csrf != null) {
                fields.putAll(csrf);
            }
            String page = pageOf(request);
            if (page != null && !Boolean.TRUE.equals(request.getAttribute(GET_FORM))) {
                fields.put(FIELD, page);
            }
            return fields;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }
}
