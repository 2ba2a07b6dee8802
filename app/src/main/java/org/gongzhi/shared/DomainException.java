package org.gongzhi.shared;

import java.util.List;

/**
 * A business rule refused a request. {@code code} is stable (clients may switch on it) and doubles as the message key
 * in the {@code messages} bundles; {@code violations} list every field or row at fault.
 */
public class DomainException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final List<Object> args;
    private final List<Violation> violations;

    public DomainException(ErrorKind kind, String code, List<Object> args, List<Violation> violations) {
        super(code + (args.isEmpty() ? "" : " " + args));
        this.kind = kind;
        this.code = code;
        this.args = List.copyOf(args);
        this.violations = List.copyOf(violations);
    }

    public static DomainException invalid(String code, Object... args) {
        return new DomainException(ErrorKind.INVALID, code, List.of(args), List.of());
    }

    public static DomainException invalid(List<Violation> violations) {
        return new DomainException(ErrorKind.INVALID, "request.invalid", List.of(violations.size()), violations);
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(ErrorKind.NOT_FOUND, code, List.of(args), List.of());
    }

    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(ErrorKind.FORBIDDEN, code, List.of(args), List.of());
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(ErrorKind.CONFLICT, code, List.of(args), List.of());
    }

    /**
     * A well-formed request the rules refuse (HTTP 422), blamed on one field so a form shows it there.
     */
    public static DomainException unprocessable(String field, String code, Object... args) {
        return new DomainException(
                ErrorKind.UNPROCESSABLE, code, List.of(args), List.of(Violation.of(field, code, args)));
    }

    /** A conflict with the current state that one field of the request caused: a form shows it beside that field. */
    public static DomainException conflict(Violation violation) {
        return new DomainException(ErrorKind.CONFLICT, violation.code(), violation.args(), List.of(violation));
    }

    /** The same refusal as another kind, e.g. a stale version that arrived in If-Match (a precondition, 412). */
    public DomainException as(ErrorKind other) {
        return new DomainException(other, code, args, violations);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }
}
