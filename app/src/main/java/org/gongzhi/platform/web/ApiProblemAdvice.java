package org.gongzhi.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns every failure of a JSON endpoint into problem+json. Internal errors never leak their text. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);
    private final Problems problems;

    ApiProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        return problems.of(e, locale);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> binding(BindException e, Locale locale) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getFieldErrors()) {
            // The rejected value is not echoed: it may be personal data.
            violations.add(Violation.of(error.getField(), "validation." + error.getCode(), error.getField()));
        }
        e.getGlobalErrors().forEach(g -> violations.add(Violation.of(g.getObjectName(), "validation." + g.getCode())));
        return problems.of(DomainException.invalid(violations), locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e, Locale locale) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error ->
                            violations.add(Violation.of(name, "validation." + lastCode(error.getCodes()), name)));
        });
        return problems.of(DomainException.invalid(violations), locale);
    }

    /** Whether a failure is the client closing the connection (Tomcat's ClientAbortException, a broken pipe). */
    static boolean clientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")
                    || t instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException
                    || (t instanceof java.io.IOException
                            && String.valueOf(t.getMessage()).contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    private static String lastCode(String[] codes) {
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(jakarta.validation.ConstraintViolationException e, Locale locale) {
        List<Violation> violations = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String constraint =
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(Violation.of(field, "validation." + constraint, field));
        });
        return problems.of(DomainException.invalid(violations), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return problems.of(
                DomainException.invalid(List.of(Violation.of(e.getParameterName(), "validation.NotNull"))), locale);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, Locale locale) {
        return problems.of(
                DomainException.invalid(List.of(Violation.of(e.getRequestPartName(), "validation.NotNull"))), locale);
    }

    /** An id of blanks in the path converts to nothing: name the path variable like any bad field. */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ProblemDetail> missingPathVariable(MissingPathVariableException e, Locale locale) {
        if (!e.isMissingAfterConversion()) {
            return unexpected(e, locale);
        }
        return problems.of(
                DomainException.invalid(
                        List.of(Violation.of(e.getVariableName(), "validation.type", e.getVariableName()))),
                locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return problems.of(
                DomainException.invalid(List.of(Violation.of(e.getName(), "validation.type", e.getName()))), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        // A well-formed body with a value of the wrong type (an unknown kind, text for a number) names the field.
        if (e.getCause() instanceof tools.jackson.core.JacksonException bad
                && !bad.getPath().isEmpty()) {
            String reason = bad.getOriginalMessage() == null ? "" : bad.getOriginalMessage();
            String code = reason.contains(TextBoundary.CONTROL_CHARACTER)
                    ? "text.unsafe-character"
                    : reason.contains(TextBoundary.DATE_RANGE) ? "date.range" : "validation.type";
            StringBuilder field = new StringBuilder();
            for (var reference : bad.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return problems.of(DomainException.invalid(List.of(Violation.of(field.toString(), code, field))), locale);
        }
        // A fault the parser found (a key given twice, a number out of range) names the place it was reading.
        // (Not a syntax error or a body cut short: that is malformed JSON, with no field to name.)
        if (e.getCause() instanceof tools.jackson.core.exc.StreamReadException bad
                && bad.processor() != null
                && (bad instanceof tools.jackson.core.exc.InputCoercionException
                        || String.valueOf(bad.getOriginalMessage()).startsWith("Duplicate"))) {
            String pointer = bad.processor().streamReadContext().pathAsPointer().toString();
            String field =
                    pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.').replaceFirst("^\\.", "");
            if (!field.isEmpty()) {
                return problems.of(
                        DomainException.invalid(List.of(Violation.of(field, "validation.type", field))), locale);
            }
        }
        return problems.of(HttpStatus.BAD_REQUEST, "request.malformed", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "request.media-type",
                new Object[] {e.getContentType() == null ? "?" : String.valueOf(e.getContentType())},
                List.of(),
                locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        return problems.of(
                HttpStatus.METHOD_NOT_ALLOWED, "request.method", new Object[] {e.getMethod()}, List.of(), locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problems.of(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", new Object[0], List.of(), locale);
    }

    /** A stale version, a lock the database gave up waiting for, a deadlock lost: the client may simply try again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrentEdit(ConcurrencyFailureException e, Locale locale) {
        return problems.of(HttpStatus.CONFLICT, "request.concurrent-edit", new Object[0], List.of(), locale);
    }

    /**
     * The database refused what a rule should have refused first: a duplicate is a conflict with what exists, any
     * other constraint a request the rules do not allow. Logged, because a rule is missing in the code.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, Locale locale) {
        log.warn("A request reached a database constraint: {}", DuplicateField.constraintOf(e));
        List<Violation> field = DuplicateField.of(e)
                .map(f -> List.of(Violation.of(f, "request.duplicate-value")))
                .orElse(List.of());
        return e instanceof DuplicateKeyException
                ? problems.of(HttpStatus.CONFLICT, "request.duplicate", new Object[0], field, locale)
                : problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "request.integrity", new Object[0], List.of(), locale);
    }

    /**
     * The client went away before the answer was written (a page left while its map loaded): nothing failed here and
     * nobody is left to answer, so it is noted quietly rather than logged as an error.
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception e) {
        log.debug("The client closed the connection before the answer was written: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        if (clientAbort(e)) {
            clientGone(e);
            return null;
        }
        // Spring's own request errors (a path variable missing after conversion, a bad header …) carry their status.
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problems.of(status, "http." + status.value(), new Object[0], List.of(), locale);
        }
        log.error("Unexpected failure of an API request", e);
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "request.internal", new Object[0], List.of(), locale);
    }
}
