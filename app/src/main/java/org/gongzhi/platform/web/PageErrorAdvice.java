package org.gongzhi.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.gongzhi.shared.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refused request made from a page gets a readable page naming what is wrong, in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    private final Problems problems;

    PageErrorAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, Locale locale, HttpServletResponse response) {
        HttpStatus status = Problems.statusOf(e.kind());
        response.setStatus(status.value());
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", problems.message(e.code(), e.args().toArray(), e.code(), locale));
        java.util.List<java.util.Map<String, String>> errors = new java.util.ArrayList<>();
        for (var described : problems.describe(e.violations(), locale)) {
            var shown = new java.util.HashMap<>(described);
            shown.put("place", problems.place(described.get("location"), locale));
            errors.add(shown);
        }
        page.addObject("errors", errors);
        return page;
    }

    /**
     * An address whose id is not an id names nothing, like any unknown address: 404. A query parameter of the wrong
     * type is the request's fault: 400, naming it.
     */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, Locale locale) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return page(HttpStatus.NOT_FOUND, "http.404", locale);
        }
        var page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("message", problems.message("validation.type", new Object[] {e.getName()}, "", locale));
        return page;
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ModelAndView concurrentEdit(Locale locale) {
        return page(HttpStatus.CONFLICT, "request.concurrent-edit", locale);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView integrity(DataIntegrityViolationException e, Locale locale) {
        return e instanceof DuplicateKeyException
                ? page(HttpStatus.CONFLICT, "request.duplicate", locale)
                : page(HttpStatus.UNPROCESSABLE_CONTENT, "request.integrity", locale);
    }

    private ModelAndView page(HttpStatus status, String code, Locale locale) {
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", problems.message(code, new Object[0], "", locale));
        return page;
    }
}
