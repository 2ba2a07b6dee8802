package org.gongzhi.shared;

/**
 * Masks personal data for display (个人信息保护法 Art 25: no public display of personal data). A name keeps its first
 * character ({@code 张**}).
 */
public final class Masking {

    private Masking() {}

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        int rest = trimmed.codePointCount(0, trimmed.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }
}
