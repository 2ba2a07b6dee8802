package org.gongzhi.shared;

/**
 * Masks personal data for display (个人信息保护法 Art 25: no public display of personal data). A name keeps its first
 * character followed by two stars whatever its length ({@code 张**}), so the mask does not tell how long it is; a mobile
 * number keeps its first three and last four digits ({@code 138****1234}); an ID number its first character and last
 * two ({@code 1***************2X}).
 */
public final class Masking {

    private Masking() {}

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return new String(Character.toChars(name.strip().codePointAt(0))) + "**";
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 4) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.charAt(0) + "*".repeat(id.length() - 3) + id.substring(id.length() - 2);
    }
}
