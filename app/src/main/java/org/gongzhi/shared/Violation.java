package org.gongzhi.shared;

import java.util.List;

/**
 * One reason an input was refused. {@code location} names where: a field ({@code creditCode}), a row of an import
 * ({@code row 7}) or a feature of a file ({@code features[3].properties.code}). {@code code} is a stable message key;
 * {@code args} fill its placeholders.
 */
public record Violation(String location, String code, List<Object> args) {

    public Violation {
        // Arguments may be null (an absent value); they are message parameters, not data.
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static Violation of(String location, String code, Object... args) {
        return new Violation(location, code, java.util.Arrays.asList(args));
    }
}
