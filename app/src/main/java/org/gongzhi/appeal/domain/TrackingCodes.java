package org.gongzhi.appeal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Tracking codes and secret tokens. A code is the day (yyMMdd) and six characters of Crockford's alphabet (no I, L, O,
 * U), e.g. {@code 261130K7M3QZ}: short to read out on the phone, one in a billion to guess on a given day. A token is
 * 26 characters of the same alphabet (130 bits) and only its SHA-256 is kept.
 */
public final class TrackingCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    public static String code(LocalDate day) {
        return day.format(DAY) + random(6);
    }

    public static String token() {
        return random(26);
    }

    /** Codes as people type them: case-insensitive, spaces and hyphens ignored, O read as 0 and I/L as 1. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String s = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC)
                .toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[\\s-]", "");
        return s.replace('O', '0').replace('I', '1').replace('L', '1');
    }

    public static String hash(String token) {
        return org.gongzhi.shared.Digests.sha256Hex(token);
    }

    /** Whether {@code token} hashes to {@code expected}, compared in constant time. */
    public static boolean matches(String token, String expected) {
        return MessageDigest.isEqual(
                hash(normalise(token)).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }
}
