package org.gongzhi.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.gongzhi.shared.Violation;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors no controller handled (an unknown address, a failure in a filter): a readable page for browsers, problem+json
 * for every other client.
 */
@Controller
class ErrorEndpoint implements ErrorController {

    private final Problems problems;

    ErrorEndpoint(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, Locale locale) {
        HttpStatus status = statusOf(request);
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", problems.message(codeOf(request, status), new Object[0], "", locale));
        page.addObject("errors", problems.describe(violationsOf(request), locale));
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Locale locale) {
        HttpStatus status = statusOf(request);
        ResponseEntity<ProblemDetail> response =
                problems.of(status, codeOf(request, status), new Object[0], violationsOf(request), locale);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && response.getBody() != null) {
            response.getBody().setInstance(java.net.URI.create(uri.toString()));
        }
        return response;
    }

    /** A refusal made before any controller (a filter) may name its own code; else the status's. */
    private static String codeOf(HttpServletRequest request, HttpStatus status) {
        return request.getAttribute(RequestTextFilter.PROBLEM_CODE) instanceof String code
                ? code
                : "http." + status.value();
    }

    private static List<Violation> violationsOf(HttpServletRequest request) {
        return request.getAttribute(RequestTextFilter.PROBLEM_LOCATION) instanceof String location
                ? List.of(Violation.of(location, "text.unsafe-character"))
                : List.of();
    }

    /**
     * The status to answer with. A failure before any controller was chosen — an upload with no multipart boundary, or
     * one too large — arrives here as a 500 or with an empty body; it is the client's, and says so.
     */
    private static HttpStatus statusOf(HttpServletRequest request) {
        for (Throwable t = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                t != null;
                t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.web.ErrorResponse known
                    && known.getStatusCode().is4xxClientError()) {
                return HttpStatus.valueOf(known.getStatusCode().value());
            }
            if (t instanceof org.springframework.web.multipart.MultipartException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
