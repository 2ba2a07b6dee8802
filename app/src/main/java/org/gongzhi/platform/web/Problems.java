package org.gongzhi.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the one error format (RFC 9457): a stable {@code code}, a localised {@code detail} and, when fields or rows
 * are at fault, an {@code errors} list naming each.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<ProblemDetail> of(DomainException e, Locale locale) {
        return of(statusOf(e.kind()), e.code(), e.args().toArray(), e.violations(), locale);
    }

    public ResponseEntity<ProblemDetail> of(
            HttpStatus status, String code, Object[] args, List<Violation> violations, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:gongzhi:problem:" + code));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], status.getReasonPhrase(), locale));
        problem.setDetail(message(code, args, code, locale));
        problem.setProperty("code", code);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", describe(violations, locale));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public List<Map<String, String>> describe(List<Violation> violations, Locale locale) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (Violation v : violations) {
            errors.add(Map.of(
                    "location",
                    v.location(),
                    "code",
                    v.code(),
                    "message",
                    message(v.code(), v.args().toArray(), v.code(), locale)));
        }
        return errors;
    }

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("rows\\[(\\d+)](?:\\.(\\w+))?");

    /**
     * Where a problem is, for a person: {@code rows[6].source} of an import reads "第 6 行 · 来源" (the column named by
     * the first of {@code listing.workbook.column.*}, {@code organization.field.*} that exists), other locations as
     * they are.
     */
    public String place(String location, Locale locale) {
        var m = ROW.matcher(location == null ? "" : location);
        if (!m.matches()) {
            return location;
        }
        String row = message("error.row", new Object[] {Integer.parseInt(m.group(1))}, location, locale);
        if (m.group(2) == null) {
            return row;
        }
        for (String prefix : List.of("listing.workbook.column.", "organization.field.")) {
            String label = message(prefix + m.group(2), null, "", locale);
            if (!label.isEmpty()) {
                return row + " · " + label;
            }
        }
        return row + " · " + m.group(2);
    }

    /** Arguments echoed in a message are cut to {@value #ECHO} characters: a refusal never repeats a huge input. */
    static final int ECHO = 80;

    public String message(String code, Object[] args, String fallback, Locale locale) {
        Object[] shown = args == null ? null : args.clone();
        if (shown != null) {
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] instanceof CharSequence text && text.length() > ECHO) {
                    shown[i] = text.subSequence(0, ECHO) + "…";
                }
            }
        }
        return messages.getMessage(code, shown, fallback, locale);
    }

    public static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
        };
    }
}
