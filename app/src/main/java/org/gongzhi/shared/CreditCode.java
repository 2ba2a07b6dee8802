package org.gongzhi.shared;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority, organisation type, 6-digit administrative
 * division, 9-character organisation code and a check character computed over the first 17 with modulus 31.
 * The letters I, O, S, V and Z are never used. Besides the check character, the registration authority and the
 * organisation type must be a pair the standard defines and the region must be a plausible GB/T 2260 code.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw DomainException.invalid(problem, value);
        }
    }

    /**
     * Registration authorities (first character) and the organisation types (second character) each may register,
     * GB 32100-2015 Table 1: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管),
     * A 中央军委改革和编制办公室, N 农业, Y 其他.
     */
    private static final java.util.Map<Character, String> TYPES = java.util.Map.ofEntries(
            java.util.Map.entry('1', "1239"),
            java.util.Map.entry('2', "19"),
            java.util.Map.entry('3', "123459"),
            java.util.Map.entry('4', "19"),
            java.util.Map.entry('5', "1239"),
            java.util.Map.entry('6', "129"),
            java.util.Map.entry('7', "129"),
            java.util.Map.entry('8', "19"),
            java.util.Map.entry('9', "123"),
            java.util.Map.entry('A', "19"),
            java.util.Map.entry('N', "1239"),
            java.util.Map.entry('Y', "1"));

    /** Parses a code as people type it: blanks of every kind around it are ignored and lower case is accepted. */
    public static CreditCode parse(String text) {
        return new CreditCode(text == null ? null : Text.strip(text).toUpperCase(java.util.Locale.ROOT));
    }

    /** The message code of what is wrong with {@code text}, or {@code null} when it is a valid credit code. */
    public static String problemWith(String text) {
        if (text == null || text.length() != 18) {
            return "credit-code.length";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return "credit-code.character";
            }
        }
        String types = TYPES.get(text.charAt(0));
        if (types == null) {
            return "credit-code.authority";
        }
        if (types.indexOf(text.charAt(1)) < 0) {
            return "credit-code.type";
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return "credit-code.region";
            }
        }
        if (!RegionCodes.plausible(text.substring(2, 8))) {
            return "credit-code.region";
        }
        return checkCharacter(text.substring(0, 17))
                        .filter(c -> c == text.charAt(17))
                        .isPresent()
                ? null
                : "credit-code.check";
    }

    /** The GB 32100 check character for the first 17 characters, if they use only the code's alphabet. */
    public static Optional<Character> checkCharacter(String first17) {
        if (first17.length() != 17) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                return Optional.empty();
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return Optional.of(ALPHABET.charAt(check));
    }

    /** The 6-digit administrative division where the organisation was registered. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
