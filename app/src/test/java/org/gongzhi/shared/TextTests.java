package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void blanks_of_every_kind_are_stripped_and_a_name_of_nothing_visible_is_nothing() {
        for (String blank : new String[] {
            " ", "\t", "\u00A0", "\u2007", "\u202F", "\u3000", "\u200B", "\uFEFF", "\u00AD", "\u3164", "\u180E"
        }) {
            assertThat(Text.strip(blank + "二里庄" + blank))
                    .as("U+%04X", (int) blank.charAt(0))
                    .isEqualTo("二里庄");
            assertThat(Text.stripToNull(blank + blank)).isNull();
        }
    }

    @Test
    void one_line_fields_refuse_what_cannot_be_seen_or_is_not_text() {
        for (String bad : new String[] {
            "a\u0000b",
            "a\tb",
            "a\nb",
            "a\u2028b",
            "a\u2029b",
            "a\u202Eb",
            "a\u00ADb",
            "a\u200Db",
            "a\uFFFEb",
            "a\uFDD0b",
            "a\uD800b",
            "a\uDC00b",
            "a\uD83F\uDFFFb"
        }) {
            assertThat(Text.unsafeCharacter(bad))
                    .as("U+%04X", (int) bad.charAt(1))
                    .isEqualTo(1);
        }
        assertThat(Text.unsafeCharacter("中国地质大学（北京）")).isEqualTo(-1);
        assertThat(Text.unsafeCharacter("𠀀𠀁 names beyond the BMP")).isEqualTo(-1);
    }

    @Test
    void multi_line_text_keeps_line_breaks_but_not_controls_noncharacters_or_lone_surrogates() {
        assertThat(Text.hasForbiddenControl("第一行\n第二行\r\n\t缩进")).isFalse();
        assertThat(Text.hasForbiddenControl("a\u0000b")).isTrue();
        assertThat(Text.hasForbiddenControl("a\uD800b")).isTrue();
        assertThat(Text.hasForbiddenControl("a\uFFFFb")).isTrue();
        assertThat(Text.hasForbiddenControl("a\u202Eb")).isTrue();
    }

    @Test
    void a_code_typed_in_full_width_or_in_groups_reads_as_its_digits() {
        assertThat(Text.digits("１９６４６３")).isEqualTo("196463");
        assertThat(Text.digits(" 196 463 ")).isEqualTo("196463");
        assertThat(Text.digits("196-463")).isEqualTo("196463");
        assertThat(Text.digits(null)).isNull();
    }

    @Test
    void names_compare_in_nfkc_lower_case() {
        assertThat(Text.key(" 中国地质大学（北京） ")).isEqualTo(Text.key("中国地质大学(北京)"));
        assertThat(Text.key("Ａ")).isEqualTo(Text.key("a"));
    }
}
