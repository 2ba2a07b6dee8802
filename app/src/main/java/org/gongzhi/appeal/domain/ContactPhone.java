package org.gongzhi.appeal.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.gongzhi.shared.PhoneNumber;

/**
 * A reporter's number as the 12345 hotline records it: a mainland mobile, or a landline with its area code
 * ({@code 010-62345678}). Typed forms with spaces, hyphens, brackets, +86 or full-width digits are accepted.
 */
public final class ContactPhone {

    private static final Pattern LANDLINE = Pattern.compile("0[1-9][0-9]{1,2}[2-9][0-9]{6,7}");

    private ContactPhone() {}

    /** The number as digits only, or null when it is neither a mobile nor a landline. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        if (PhoneNumber.isValid(typed)) {
            return PhoneNumber.parse(typed).value();
        }
        String digits = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s()\\-]", "");
        if (digits.startsWith("+86")) {
            digits = "0" + digits.substring(3);
        }
        return LANDLINE.matcher(digits).matches() && digits.length() <= 12 ? digits : null;
    }
}
