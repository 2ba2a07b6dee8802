package org.gongzhi.shared;

import java.text.Normalizer;

/**
 * How text from people and files is normalised before it is checked and stored, so that what a person cannot see
 * never decides a rule: a trailing no-break space must not make a credit code "too long", nor a BOM hide a unit code.
 *
 * <ul>
 *   <li>{@link #strip}: removes leading and trailing blanks of every kind — ASCII and Unicode white space, no-break
 *       spaces (U+00A0, U+2007, U+202F), the ideographic space (U+3000), zero-width characters (U+200B–U+200D,
 *       U+2060) and the byte-order mark (U+FEFF).
 *   <li>{@link #key}: the form in which names and search terms are compared — stripped, NFKC (Unicode Standard Annex
 *       #15: full-width letters, digits and brackets fold to their ordinary forms, so "中国地质大学(北京)" matches
 *       "中国地质大学（北京）") and lower case. Names are stored as written; only comparisons use the key.
 *   <li>{@link #unsafeCharacter}: characters that never belong in a name or a one-line field — C0 and C1 control
 *       characters (including NUL, which PostgreSQL cannot store in text at all) and the bidirectional controls
 *       (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that make a name display as something else.
 * </ul>
 */
public final class Text {

    private Text() {}

    /** {@code null} stays {@code null}; blanks of every kind at both ends are removed. */
    public static String strip(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && blank(s.charAt(start))) {
            start++;
        }
        while (end > start && blank(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Stripped, and {@code null} when nothing is left. */
    public static String stripToNull(String s) {
        String stripped = strip(s);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    public static boolean blank(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u200B'
                || c == '\u200C'
                || c == '\u200D'
                || c == '\u2060'
                || c == '\uFEFF'
                // Characters that draw nothing: soft hyphen, Mongolian vowel separator, Hangul fillers, braille blank.
                || c == '\u00AD'
                || c == '\u180E'
                || c == '\u115F'
                || c == '\u1160'
                || c == '\u3164'
                || c == '\uFFA0'
                || c == '\u2800';
    }

    /**
     * A code typed as digits (an SMS or TOTP code): NFKC, so a Chinese keyboard's full-width digits count, with spaces
     * and hyphens between groups removed; {@code null} stays {@code null}.
     */
    public static String digits(String s) {
        if (s == null) {
            return null;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
    }

    /** The comparison key of a name or search term: stripped, NFKC, lower case; {@code null} stays {@code null}. */
    public static String key(String s) {
        if (s == null) {
            return null;
        }
        return strip(Normalizer.normalize(strip(s), Normalizer.Form.NFKC)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The first character of {@code s} that may not appear in a name or one-line field, or -1 when there is none:
     * control characters, line and paragraph separators (U+2028, U+2029), invisible format characters (Unicode
     * category Cf: bidi controls, soft hyphen, zero-width characters …), noncharacters and lone surrogates.
     */
    public static int unsafeCharacter(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (control(c)
                    || bidi(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT
                    || noncharacterOrLoneSurrogate(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A noncharacter (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their counterparts in every plane) or half of a surrogate pair
     * without its other half: neither is text, and PostgreSQL would store a lone surrogate as "?".
     */
    private static boolean noncharacterOrLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                return true;
            }
            int cp = s.codePointAt(i);
            return (cp & 0xFFFE) == 0xFFFE;
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return (c >= '\uFDD0' && c <= '\uFDEF') || c == '\uFFFE' || c == '\uFFFF';
    }

    /**
     * Whether {@code s} holds a NUL or another control character, a bidi control, a noncharacter or a lone surrogate:
     * what no text, one line or many, may hold.
     */
    public static boolean hasForbiddenControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((control(c) && c != '\t' && c != '\n' && c != '\r') || bidi(c) || noncharacterOrLoneSurrogate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean bidi(char c) {
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Checks a name or one-line field after {@link #strip}: required or not, at most {@code maxLength} characters, and
     * free of {@link #unsafeCharacter unsafe characters}. Adds {@code validation.NotBlank}, {@code validation.Size} or
     * {@code text.unsafe-character} at {@code location}. Returns the stripped value (or {@code null}).
     */
    public static String checkLine(
            String value, String location, boolean required, int maxLength, Violations violations) {
        String s = stripToNull(value);
        if (s == null) {
            if (required) {
                violations.add(location, "validation.NotBlank", location);
            }
            return null;
        }
        if (s.codePointCount(0, s.length()) > maxLength) {
            violations.add(location, "text.too-long", maxLength);
        }
        if (unsafeCharacter(s) >= 0) {
            violations.add(location, "text.unsafe-character");
        }
        return s;
    }

    /** Like {@link #checkLine} for multi-line text: tabs and line breaks are allowed, other controls are not. */
    public static String checkText(String value, String location, int maxLength, Violations violations) {
        String s = stripToNull(value);
        if (s == null) {
            return null;
        }
        if (s.codePointCount(0, s.length()) > maxLength) {
            violations.add(location, "text.too-long", maxLength);
        }
        if (hasForbiddenControl(s)) {
            violations.add(location, "text.unsafe-character");
        }
        return s;
    }
}
