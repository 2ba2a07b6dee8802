package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void accepts_codes_whose_check_character_matches() {
        // The worked example printed in GB 32100-2015 and a second published code.
        assertThat(CreditCode.problemWith("91350100M000100Y43")).isNull();
        assertThat(CreditCode.problemWith("91110000802100433B")).isNull();
        assertThat(CreditCode.parse(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void refuses_a_wrong_check_character() {
        assertThat(CreditCode.problemWith("91350100M000100Y44")).isEqualTo("credit-code.check");
        assertThatThrownBy(() -> new CreditCode("91350100M000100Y44"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("credit-code.check");
    }

    @Test
    void refuses_wrong_length_letters_outside_the_alphabet_and_a_non_numeric_region() {
        assertThat(CreditCode.problemWith("91350100M000100Y4")).isEqualTo("credit-code.length");
        assertThat(CreditCode.problemWith(null)).isEqualTo("credit-code.length");
        assertThat(CreditCode.problemWith("91350100M000100I43")).isEqualTo("credit-code.character");
        assertThat(CreditCode.problemWith("913501O0M000100Y43")).isEqualTo("credit-code.character");
        assertThat(CreditCode.problemWith("9135A100M000100Y43")).isEqualTo("credit-code.region");
    }

    @Test
    void detects_every_single_character_substitution() {
        // Modulus 31 with weights prime to 31 catches any one wrong character: check that on random codes.
        Random random = new Random(32100);
        String alphabet = CreditCode.ALPHABET;
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                first.append(i >= 2 && i < 8 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(31)));
            }
            String code = first
                    + String.valueOf(CreditCode.checkCharacter(first.toString()).orElseThrow());
            assertThat(CreditCode.problemWith(code)).isNull();
            int at = random.nextInt(17);
            char replacement;
            do {
                replacement =
                        at >= 2 && at < 8 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(31));
            } while (replacement == code.charAt(at));
            String altered = code.substring(0, at) + replacement + code.substring(at + 1);
            assertThat(CreditCode.problemWith(altered)).as(altered).isEqualTo("credit-code.check");
        }
    }
}
