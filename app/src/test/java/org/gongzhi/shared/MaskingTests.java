package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void a_name_keeps_only_its_first_character_and_hides_its_length() {
        assertThat(Masking.name("张伟")).isEqualTo("张**");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**");
        assertThat(Masking.name("王")).isEqualTo("王**");
        assertThat(Masking.name(" 李静 ")).isEqualTo("李**");
        assertThat(Masking.name("")).isEqualTo("");
    }

    @Test
    void numbers_written_into_free_text_are_masked_and_the_rest_is_kept() {
        assertThat(Masking.numbersIn("联系人张三丰 13812345678，楼下乱停车")).isEqualTo("联系人张三丰 138****5678，楼下乱停车");
        assertThat(Masking.numbersIn("电话 138 1234 5678 或 139-1234-5678")).isEqualTo("电话 138****5678 或 139****5678");
        assertThat(Masking.numbersIn("全角１３８１２３４５６７８")).isEqualTo("全角138****5678");
        assertThat(Masking.numbersIn("身份证110101199003071234号")).isEqualTo("身份证1***************34号");
        // Not numbers of a person: a 12-digit work order, a 10-digit one, a house number, a unit code.
        assertThat(Masking.numbersIn("工单138123456789，3号楼2单元，110108010005"))
                .isEqualTo("工单138123456789，3号楼2单元，110108010005");
        assertThat(Masking.numbersIn("1381234567")).isEqualTo("1381234567");
        assertThat(Masking.numbersIn(null)).isNull();
        // With the country code, and fixed lines with or without a hyphen.
        assertThat(Masking.numbersIn("+8613912345679；0086 139 1234 5679；8613912345679"))
                .isEqualTo("+86139****5679；0086 139****5679；86139****5679");
        assertThat(Masking.numbersIn("座机010-82345678，或01062345678，杭州0571-8765432"))
                .isEqualTo("座机010****5678，或010****5678，杭州057****5432");
        // Not a fixed line: a date, a 10-digit number without an area code, a postcode.
        assertThat(Masking.numbersIn("2026-11-30，1234567890，邮编100083")).isEqualTo("2026-11-30，1234567890，邮编100083");
    }
}
