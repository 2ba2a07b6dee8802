package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Words for full-text search: Chinese segmented, function words and punctuation dropped, safe for a tsquery. */
class SearchTermsTests {

    @Test
    void chineseIsSegmentedIntoWordsWithoutFunctionWordsOrPunctuation() {
        assertThat(SearchTerms.of("请问暖气什么时候开始供暖？"))
                .contains("暖气", "时候", "开始", "供暖")
                .doesNotContain("请问", "什么", "？");
    }

    @Test
    void everyTermIsLettersAndDigitsSoAQueryCannotCarryOperators() {
        assertThat(SearchTerms.of("a&b | !c:* 'd' (3号楼)"))
                .allSatisfy(t -> assertThat(t).matches("[\\p{L}\\p{N}]+"));
        assertThat(SearchTerms.anyOf("暖气 暖气 供暖")).isEqualTo("暖气 | 供暖");
    }

    @Test
    void nothingToSearchGivesNoQuery() {
        assertThat(SearchTerms.anyOf(null)).isNull();
        assertThat(SearchTerms.anyOf("  ")).isNull();
        assertThat(SearchTerms.anyOf("的了吗？！")).isNull();
        assertThat(SearchTerms.document("Parking FEES")).isEqualTo("park fee");
    }
}
