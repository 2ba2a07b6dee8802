package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersonalNumbersTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void mainland_mobiles_are_eleven_digits_from_13_to_19_and_typed_forms_are_normalised() {
        assertThat(PhoneNumber.parse("13812341234").value()).isEqualTo("13812341234");
        assertThat(PhoneNumber.parse("+86 138-1234-1234").value()).isEqualTo("13812341234");
        assertThat(PhoneNumber.parse("0086 19912341234").value()).isEqualTo("19912341234");
        // Typed on a Chinese keyboard in full-width mode: digits, plus, hyphen and the ideographic space.
        assertThat(PhoneNumber.parse("＋８６　１３８－１２３４－１２３４").value()).isEqualTo("13812341234");
        assertThat(PhoneNumber.isValid("１３８１２３４１２３")).isFalse();
        assertThat(PhoneNumber.isValid("12812341234")).isFalse();
        assertThat(PhoneNumber.isValid("1381234123")).isFalse();
        assertThat(PhoneNumber.isValid("138123412345")).isFalse();
        assertThat(PhoneNumber.isValid("010-62341234")).isFalse();
        assertThatThrownBy(() -> PhoneNumber.parse("abc"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("phone.invalid");
    }

    @Test
    void a_phone_never_prints_itself() {
        PhoneNumber phone = PhoneNumber.parse("13812341234");
        assertThat(phone.toString()).isEqualTo("138****1234").doesNotContain("2341");
        assertThat(phone.masked()).isEqualTo("138****1234");
    }

    @Test
    void the_gb_11643_example_and_its_check_character_x() {
        assertThat(IdCardNumber.problemWith("11010519491231002X", TODAY)).isNull();
        assertThat(IdCardNumber.parse("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
        assertThat(IdCardNumber.problemWith("110105194912310021", TODAY)).isEqualTo("id-number.check");
    }

    @Test
    void format_region_and_date_of_birth_are_checked_including_today_as_the_last_possible_birthday() {
        assertThat(IdCardNumber.problemWith("11010519491231002", TODAY)).isEqualTo("id-number.format");
        assertThat(IdCardNumber.problemWith("1101051949123100ZX", TODAY)).isEqualTo("id-number.format");
        String badRegion = "990105194912310020";
        assertThat(IdCardNumber.problemWith(badRegion, TODAY)).isEqualTo("id-number.region");
        assertThat(IdCardNumber.problemWith(withCheck("11010519490231002"), TODAY))
                .isEqualTo("id-number.birth-date");
        assertThat(IdCardNumber.problemWith(withCheck("11010520261122002"), TODAY))
                .isNull();
        assertThat(IdCardNumber.problemWith(withCheck("11010520261123002"), TODAY))
                .isEqualTo("id-number.birth-date");
        assertThat(IdCardNumber.problemWith(withCheck("11010518991231002"), TODAY))
                .isEqualTo("id-number.birth-date");
    }

    @Test
    void any_single_wrong_digit_is_caught() {
        // Modulus 11 with these weights detects every single-digit substitution.
        Random random = new Random(11643);
        for (int n = 0; n < 2_000; n++) {
            LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
            String first17 = "110105" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String id = withCheck(first17);
            assertThat(IdCardNumber.problemWith(id, TODAY)).isNull();
            int at = 14 + random.nextInt(3);
            char digit = id.charAt(at);
            char other = (char) ('0' + (digit - '0' + 1 + random.nextInt(9)) % 10);
            String altered = id.substring(0, at) + other + id.substring(at + 1);
            assertThat(IdCardNumber.problemWith(altered, TODAY)).as(altered).isEqualTo("id-number.check");
        }
    }

    @Test
    void an_id_number_shows_only_its_first_character_and_last_two() {
        IdCardNumber id = IdCardNumber.parse("11010519491231002X", TODAY);
        assertThat(id.toString()).isEqualTo("1***************2X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    static String withCheck(String first17) {
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}
