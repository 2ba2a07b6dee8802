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
}
