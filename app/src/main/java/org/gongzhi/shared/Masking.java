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

    /** A mainland mobile number in running text: 11 digits from 13–19, spaces or hyphens allowed between them. */
    private static final java.util.regex.Pattern MOBILE_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])((?:\\+|00)?86[ -]?)?(1[3-9](?:[ -]?[0-9]){9})(?![0-9])");

    /**
     * A fixed-line number in running text: a 3- or 4-digit area code from 0 (010, 0571), then a local number of 7 or
     * 8 digits from 2–8, a space or hyphen between them allowed.
     */
    private static final java.util.regex.Pattern LANDLINE_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])0[1-9][0-9]{1,2}[ -]?[2-8][0-9]{6,7}(?![0-9])");

    /** An ID number (居民身份证号) in running text: 17 digits and a digit or X. */
    private static final java.util.regex.Pattern ID_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9Xx])");

    /**
     * Free text (an appeal's content) with the mobile (with or without +86), fixed-line and ID numbers written in it
     * masked ({@code 138****5678}, {@code 010****5678}), for
     * the places that show many appeals at once: lists, maps, exports. Full-width digits are read as digits.
     */
    public static String numbersIn(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Full-width digits as ASCII ones; nothing else in the text changes.
        StringBuilder ascii = new StringBuilder(text.length());
        text.chars().forEach(c -> ascii.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : (char) c));
        String plain = ascii.toString();
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher id = ID_IN_TEXT.matcher(plain);
        while (id.find()) {
            id.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(idNumber(id.group())));
        }
        id.appendTail(out);
        java.util.regex.Matcher mobile = MOBILE_IN_TEXT.matcher(out.toString());
        StringBuilder masked = new StringBuilder();
        while (mobile.find()) {
            // The country code (+86, 0086) kept as written, the number masked as the reporter field shows it.
            String prefix = mobile.group(1) == null ? "" : mobile.group(1);
            String digits = mobile.group(2).replaceAll("[ -]", "");
            mobile.appendReplacement(masked, java.util.regex.Matcher.quoteReplacement(prefix + phone(digits)));
        }
        mobile.appendTail(masked);
        java.util.regex.Matcher landline = LANDLINE_IN_TEXT.matcher(masked.toString());
        StringBuilder all = new StringBuilder();
        while (landline.find()) {
            String digits = landline.group().replaceAll("[ -]", "");
            landline.appendReplacement(all, java.util.regex.Matcher.quoteReplacement(phone(digits)));
        }
        landline.appendTail(all);
        return all.toString();
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 4) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.charAt(0) + "*".repeat(id.length() - 3) + id.substring(id.length() - 2);
    }
}
