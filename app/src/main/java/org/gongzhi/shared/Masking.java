package org.gongzhi.shared;

/**
 * Masks personal data for display (个人信息保护法 Art 25: no public display of personal data). A name keeps its first
 * character followed by two stars whatever its length ({@code 张**}), so the mask does not tell how long it is.
 */
public final class Masking {

    private Masking() {}

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return new String(Character.toChars(name.strip().codePointAt(0))) + "**";
    }
}
