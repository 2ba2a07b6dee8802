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
    void a_code_passing_only_the_check_character_is_refused_for_its_authority_type_or_region() {
        // GB 32100-2015 fixes the registration authority (1st), the organisation type (2nd) and the region (3rd–8th).
        assertThat(CreditCode.problemWith("000000000000000000")).isEqualTo("credit-code.authority");
        assertThat(CreditCode.problemWith("111111111111111115")).isEqualTo("credit-code.region");
        assertThat(CreditCode.problemWith(withCheck("94110108MA0000000"))).isEqualTo("credit-code.type");
        assertThat(CreditCode.problemWith(withCheck("B1110108MA0000000"))).isEqualTo("credit-code.authority");
        assertThat(CreditCode.problemWith(withCheck("91990108MA0000000"))).isEqualTo("credit-code.region");
        assertThat(CreditCode.problemWith(withCheck("91110300MA0000000"))).isEqualTo("credit-code.region");
        assertThat(CreditCode.problemWith(withCheck("91110108MA0000000"))).isNull();
        assertThat(CreditCode.problemWith(withCheck("12100000MA0000000"))).isNull();
        assertThat(CreditCode.problemWith(withCheck("Y1110000MA0000000"))).isNull();
    }

    @Test
    void blanks_of_every_kind_around_a_code_are_ignored() {
        String code = withCheck("91110108MA0000000");
        for (String blank : new String[] {" ", "\u00A0", "\u3000", "\u200B", "\uFEFF", "\t"}) {
            assertThat(CreditCode.parse(blank + code.toLowerCase() + blank).value())
                    .isEqualTo(code);
        }
    }

    private static String withCheck(String first17) {
        return first17 + CreditCode.checkCharacter(first17).orElseThrow();
    }

    @Test
    void detects_every_single_character_substitution() {
        // Modulus 31 with weights prime to 31 catches any one wrong character: check that on random codes.
        Random random = new Random(32100);
        String alphabet = CreditCode.ALPHABET;
        String[] registrations = {"11", "12", "51", "52", "53", "91", "92", "93", "N2", "Y1"};
        String[] regions = {"110108", "110101", "310110", "440300", "650100", "100000"};
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first = new StringBuilder(registrations[random.nextInt(registrations.length)])
                    .append(regions[random.nextInt(regions.length)]);
            for (int i = 8; i < 17; i++) {
                first.append(alphabet.charAt(random.nextInt(31)));
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
            // A change in the authority, type or region may be refused for that first; any change is refused.
            if (at >= 8) {
                assertThat(CreditCode.problemWith(altered)).as(altered).isEqualTo("credit-code.check");
            } else {
                assertThat(CreditCode.problemWith(altered)).as(altered).isNotNull();
            }
        }
    }
}
