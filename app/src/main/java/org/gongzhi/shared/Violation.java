package org.gongzhi.shared;

import java.util.List;

/**
 * One reason an input was refused. {@code location} names where: a field ({@code creditCode}), a row of an import
 * ({@code row 7}) or a feature of a file ({@code features[3].properties.code}). {@code code} is a stable message key;
 * {@code args} fill its placeholders.
 */
public record Violation(String location, String code, List<Object> args) {

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String location, String code, Object... args) {
        return new Violation(location, code, List.of(args));
    }
}
