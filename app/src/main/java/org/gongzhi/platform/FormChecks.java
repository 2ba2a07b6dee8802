package org.gongzhi.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a page form does with what a person typed: reads each field as text (so a wrong type is an error beside its
 * field, not a 400 page), checks the command with the same Bean Validation rules as the API, and shows every error at
 * once in the page's language. The model gets {@code errors} (field → message) and {@code problem} (a message for the
 * form as a whole, or {@code null}).
 */
@Component
public class FormChecks {

    private final Validator validator;
    private final FieldMessages messages;
    private final org.springframework.context.MessageSource source;

    FormChecks(Validator validator, FieldMessages messages, org.springframework.context.MessageSource source) {
        this.validator = validator;
        this.messages = messages;
        this.source = source;
    }

    /**
     * Adds a violation per Bean Validation constraint the command breaks ({@code validation.NotBlank} …), except on
     * fields already found wrong: one message per field, the first found.
     */
    public void validate(Object command, Violations violations) {
        java.util.Set<String> known = new java.util.HashSet<>();
        violations.list().forEach(v -> known.add(v.location()));
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            String field = v.getPropertyPath().toString();
            if (!known.add(field)) {
                continue;
            }
            String constraint =
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(field, "validation." + constraint, field);
        }
    }

    /** A decimal number, or {@code null} when blank; {@code form.number} beside the field when it is not one. */
    public static BigDecimal decimal(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            violations.add(field, "form.number");
            return null;
        }
    }

    /** A whole number, or {@code null} when blank; {@code form.number} beside the field when it is not one. */
    public static Integer integer(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            violations.add(field, "form.number");
            return null;
        }
    }

    /** An ISO date (yyyy-MM-dd, as date inputs send it), or {@code null} when blank; {@code form.date} otherwise. */
    public static LocalDate date(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(field, "form.date");
            return null;
        }
    }

    /**
     * A month written {@code yyyy-MM} (as month inputs send it), years 2000–2099, or {@code null} when blank; {@code
     * form.month} naming what was typed otherwise — also for years a month cannot be counted in (a year of nine digits
     * parses, then overflows every date computed from it).
     */
    public static java.time.YearMonth month(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("20[0-9]{2}-(0[1-9]|1[0-2])")) {
            return java.time.YearMonth.parse(t);
        }
        violations.add(field, "form.month", t);
        return null;
    }

    /**
     * Whether a refused save read a record that moved on (409) or read no version at all (428): the form is then shown
     * again with the record as it is now, not as it was sent.
     */
    public static boolean stale(DomainException refusal) {
        return refusal.kind() == org.gongzhi.shared.ErrorKind.CONFLICT
                || refusal.kind() == org.gongzhi.shared.ErrorKind.PRECONDITION_REQUIRED;
    }

    /** An id a picker posted, or {@code null} when blank; {@code form.choose} when it is not one. */
    public static UUID id(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            violations.add(field, "form.choose");
            return null;
        }
    }

    /** Adds the violations about fields not yet found wrong: one message per field, the first found. */
    public static void addUnseen(Violations into, java.util.List<org.gongzhi.shared.Violation> more) {
        java.util.Set<String> known = new java.util.HashSet<>();
        into.list().forEach(v -> known.add(v.location()));
        for (org.gongzhi.shared.Violation v : more) {
            if (known.add(v.location())) {
                into.addAll(java.util.List.of(v));
            }
        }
    }

    /**
     * A picker's field: when the person typed a name but picked nothing ({@code value} blank, {@code text} not),
     * {@code form.choose} asks them to pick from the candidates.
     */
    public static void picked(String field, String value, String text, Violations violations) {
        if ((value == null || value.isBlank()) && text != null && !text.isBlank()) {
            violations.add(field, "form.choose");
        }
    }

    /**
     * The version a page was read at, as its hidden field carries it: at least {@code least} (0 for appeals, 1 for
     * versioned catalogues). 428 {@code missingCode} when it is missing, not a number or below that (an edited page),
     * so nothing is compared with a version nobody read.
     */
    public static long versionRead(String text, long least, String missingCode) {
        try {
            long version = Long.parseLong(text == null ? "" : text.strip());
            if (version >= least) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new DomainException(
                org.gongzhi.shared.ErrorKind.PRECONDITION_REQUIRED,
                missingCode,
                java.util.List.of(),
                java.util.List.of());
    }

    /** One of an enum's names, or {@code null} when blank; {@code form.choose} otherwise. */
    public static <E extends Enum<E>> E choice(Class<E> type, String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            violations.add(field, "form.choose");
            return null;
        }
    }

    /**
     * Puts a refusal on the form: field violations beside their fields, anything else as the form's problem. Returns
     * the HTTP status the page should answer with (the refusal's own: 409 for a conflict, 400 for fields that are
     * wrong, 422 for a rule the request as a whole breaks). A refusal the form cannot correct (403, 404) is thrown on
     * to the error page.
     */
    public int show(DomainException refusal, Model model, Locale locale) {
        return show(refusal, model, locale, "errors", "problem");
    }

    /**
     * As {@link #show(DomainException, Model, Locale)}, for a second form on the page (a form in one row of a table):
     * the field messages go to {@code errorsAttribute} and the summary to {@code problemAttribute}, so the page's main
     * form stays clean.
     */
    public int show(
            DomainException refusal, Model model, Locale locale, String errorsAttribute, String problemAttribute) {
        if (refusal.kind() == ErrorKind.FORBIDDEN || refusal.kind() == ErrorKind.NOT_FOUND) {
            // Not something the person can correct in the form: the error page says it.
            throw refusal;
        }
        Map<String, String> errors = messages.byField(refusal.violations(), locale);
        model.addAttribute(errorsAttribute, errors);
        // A rule the request as a whole breaks (422) often names a field the form does not show (the appeal's type,
        // its state): its reasons go at the top, not "see below" with nothing below.
        model.addAttribute(
                problemAttribute,
                errors.isEmpty()
                        ? source.getMessage(refusal.code(), refusal.args().toArray(), refusal.code(), locale)
                        : refusal.kind() == ErrorKind.UNPROCESSABLE
                                ? String.join(" ", errors.values())
                                : source.getMessage("form.problems", new Object[] {errors.size()}, locale));
        return switch (refusal.kind()) {
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case UNPROCESSABLE -> 422;
            default -> errors.isEmpty() ? 422 : 400;
        };
    }

    /**
     * A refused one-button action (unlock, remove a member) or a form read before someone else's change: the page is
     * shown again as it is now, the reason at its top (the layout's {@code refusal}), nothing kept from the request.
     * Answers the status for the kind of refusal; one the person may not see at all is left to the error page.
     */
    public int refusal(DomainException refusal, Model model, Locale locale) {
        if (refusal.kind() == ErrorKind.FORBIDDEN) {
            throw refusal;
        }
        model.addAttribute(
                "refusal", source.getMessage(refusal.code(), refusal.args().toArray(), refusal.code(), locale));
        fresh(model);
        return switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case UNPROCESSABLE -> 422;
            default -> 400;
        };
    }

    /** Puts the violations found before calling the façade on the form; answers 400. */
    public int show(Violations violations, Model model, Locale locale) {
        return show(DomainException.invalid(violations.list()), model, locale);
    }

    /**
     * The reason typed for opening masked personal data (ADR 0012): 4–200 characters once stripped, else 400 {@code
     * personal-data.unmask.reason} beside {@code reason}. Returns it stripped, for the audit trail.
     */
    public static String unmaskReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4 || why.length() > 200) {
            throw DomainException.invalid(
                    java.util.List.of(org.gongzhi.shared.Violation.of("reason", "personal-data.unmask.reason")));
        }
        return why;
    }

    /** An empty form: no errors, no problem. */
    public static void fresh(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("problem", null);
    }
}
