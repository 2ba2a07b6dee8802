package org.gongzhi.shared;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number: 11 digits starting 13–19. Typed forms with spaces, hyphens, a +86 prefix or
 * full-width characters are accepted and normalised to the 11 digits.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw DomainException.invalid("phone.invalid");
        }
    }

    /** Parses a number as people type it; refused with {@code phone.invalid} when it is not a mainland mobile. */
    public static PhoneNumber parse(String text) {
        return new PhoneNumber(normalise(text));
    }

    public static boolean isValid(String text) {
        String n = normalise(text);
        return n != null && MOBILE.matcher(n).matches();
    }

    private static String normalise(String text) {
        if (text == null) {
            return null;
        }
        // NFKC first: a Chinese keyboard's full-width digits, plus sign, hyphen and ideographic space become ASCII.
        String digits = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    /** {@code 138****1234}: the first three and last four digits. */
    public String masked() {
        return Masking.phone(value);
    }

    /** Never the number itself, so that a phone cannot reach a log by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
