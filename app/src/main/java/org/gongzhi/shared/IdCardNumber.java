package org.gongzhi.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit date of birth, 3-digit sequence (odd for men) and a check
 * character computed modulo 11 over the first 17 digits ({@code X} stands for 10).
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /**
     * What is wrong with {@code text} as an ID number on {@code today} (the date of birth may not be later), or
     * {@code null} when it is valid.
     */
    public static String problemWith(String text, LocalDate today) {
        if (text == null || !text.matches("\\d{17}[\\dX]")) {
            return "id-number.format";
        }
        if (!RegionCodes.startsWithProvince(text)) {
            return "id-number.region";
        }
        try {
            LocalDate born = LocalDate.of(
                    Integer.parseInt(text.substring(6, 10)),
                    Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
            if (born.isAfter(today) || born.getYear() < 1900) {
                return "id-number.birth-date";
            }
        } catch (DateTimeException e) {
            return "id-number.birth-date";
        }
        return checkCharacter(text.substring(0, 17)) == text.charAt(17) ? null : "id-number.check";
    }

    /** Parses an ID number as people type it (lower-case x accepted); refused with the first problem found. */
    public static IdCardNumber parse(String text, LocalDate today) {
        String normalised = text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
        String problem = problemWith(normalised, today);
        if (problem != null) {
            throw DomainException.invalid(problem);
        }
        return new IdCardNumber(normalised);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Date of birth, e.g. to tell whether the person is under 14 (个人信息保护法 Art 28: sensitive). */
    public LocalDate birthDate() {
        return LocalDate.of(
                Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    /** Never the number itself, so that it cannot reach a log by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
