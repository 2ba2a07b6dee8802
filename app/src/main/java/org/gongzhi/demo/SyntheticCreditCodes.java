package org.gongzhi.demo;

import java.util.Random;
import org.gongzhi.shared.CreditCode;

/**
 * Invents 统一社会信用代码 that pass the GB 32100 check, for demo organisations whose real codes are not in the seeds.
 * Seeded, so every demo database gets the same codes.
 */
final class SyntheticCreditCodes {

    private static final String DIGITS = "0123456789";
    private final Random random;

    SyntheticCreditCodes(long seed) {
        this.random = new Random(seed);
    }

    /** A code registered by {@code authorityAndType} (e.g. 12 事业单位, 91 企业, 52 民办非企业) in {@code region}. */
    String next(String authorityAndType, String region) {
        StringBuilder first17 = new StringBuilder(authorityAndType).append(region);
        for (int i = 0; i < 9; i++) {
            first17.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        }
        return first17.toString()
                + CreditCode.checkCharacter(first17.toString()).orElseThrow();
    }
}
