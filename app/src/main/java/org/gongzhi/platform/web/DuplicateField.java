package org.gongzhi.platform.web;

import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The field a unique constraint names, when two requests race past the application's own check (two organisations
 * registered at once with one credit code): PostgreSQL names a column's unique constraint {@code <table>_<column>_key},
 * and the column {@code credit_code} is the field {@code creditCode}.
 * Constraints over several columns name no single field.
 */
final class DuplicateField {

    private DuplicateField() {}

    /** The constraint and table a violation names (schema metadata only, safe to log), or the cause's type. */
    static String constraintOf(DataIntegrityViolationException e) {
        ServerErrorMessage message = serverMessage(e);
        return message == null
                ? e.getMostSpecificCause().getClass().getSimpleName()
                : message.getConstraint() + " on " + message.getTable();
    }

    private static ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }

    static Optional<String> of(DataIntegrityViolationException e) {
        ServerErrorMessage message = serverMessage(e);
        String column = null;
        if (message != null && message.getConstraint() != null && message.getTable() != null) {
            String constraint = message.getConstraint();
            String prefix = message.getTable() + "_";
            if (constraint.startsWith(prefix) && constraint.endsWith("_key")) {
                column = constraint.substring(prefix.length(), constraint.length() - "_key".length());
            }
        }
        if (column == null || column.isEmpty() || column.contains("__")) {
            return Optional.empty();
        }
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return Optional.of(field.toString());
    }
}
