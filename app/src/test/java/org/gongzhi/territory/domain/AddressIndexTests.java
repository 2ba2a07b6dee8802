package org.gongzhi.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Address text to places: Chinese numerals, generic endings, context from the places around, shared names. */
class AddressIndexTests {

    static final UUID STREET_OFFICE = UUID.randomUUID();
    static final UUID ERLIZHUANG = UUID.randomUUID();
    static final UUID ERLIZHUANG_SOUTH = UUID.randomUUID();
    static final UUID ZONE_ONE = UUID.randomUUID();
    static final UUID ZONE_TWO = UUID.randomUUID();
    static final UUID ONE_THREE = UUID.randomUUID();
    static final UUID TWO_THREE = UUID.randomUUID();
    static final UUID ONE_THIRTEEN = UUID.randomUUID();
    static final UUID ALLEY = UUID.randomUUID();
    static final UUID OIL = UUID.randomUUID();

    final AddressIndex index = new AddressIndex(List.of(
            new AddressIndex.Entry(STREET_OFFICE, "学院路街道", 1, null),
            new AddressIndex.Entry(ERLIZHUANG, "二里庄社区", 3, STREET_OFFICE),
            new AddressIndex.Entry(ERLIZHUANG_SOUTH, "二里庄南社区", 3, STREET_OFFICE),
            new AddressIndex.Entry(OIL, "石油大院社区", 3, STREET_OFFICE),
            new AddressIndex.Entry(ZONE_ONE, "二里庄一区", 5, ERLIZHUANG),
            new AddressIndex.Entry(ZONE_TWO, "二里庄二区", 5, ERLIZHUANG),
            new AddressIndex.Entry(ONE_THREE, "3号楼", 6, ZONE_ONE),
            new AddressIndex.Entry(TWO_THREE, "3号楼", 6, ZONE_TWO),
            new AddressIndex.Entry(ONE_THIRTEEN, "13号楼", 6, ZONE_ONE),
            new AddressIndex.Entry(ALLEY, "二里庄胡同", 3, STREET_OFFICE)));

    List<UUID> find(String text) {
        return index.find(text, e -> true, 10).stream().map(m -> m.entry().id()).toList();
    }

    @Test
    void aBuildingWhoseCompoundIsNamedComesFirst() {
        assertThat(find("海淀区学院路二里庄一区3号楼2单元")).first().isEqualTo(ONE_THREE);
        assertThat(find("二里庄二区3号楼")).first().isEqualTo(TWO_THREE);
    }

    @Test
    void chineseAndArabicNumeralsAndWidthsMatchEachOther() {
        assertThat(find("二里庄1区三号楼")).first().isEqualTo(ONE_THREE);
        assertThat(find("二里庄一区３号楼")).first().isEqualTo(ONE_THREE);
        assertThat(find("二里庄一区十三号楼")).first().isEqualTo(ONE_THIRTEEN);
    }

    @Test
    void aNumberIsNotFoundInsideALongerOne() {
        assertThat(find("二里庄一区13号楼")).first().isEqualTo(ONE_THIRTEEN);
        assertThat(find("二里庄一区13号楼")).doesNotContain(ONE_THREE);
    }

    @Test
    void punctuationBetweenNumbersKeepsThemApart() {
        assertThat(find("二里庄一区5、13号楼")).first().isEqualTo(ONE_THIRTEEN);
        assertThat(AddressIndex.normalise("5、6号楼")).doesNotContain("56号楼");
        assertThat(find("二里庄一区1-3号楼")).doesNotContain(ONE_THIRTEEN);
    }

    @Test
    void genericEndingsDoNotMatter() {
        assertThat(find("石油大院东门")).containsExactly(OIL);
        assertThat(find("二里庄小区门口")).first().isEqualTo(ERLIZHUANG);
    }

    @Test
    void aStreetIsFoundByItsName() {
        assertThat(find("二里庄胡同东口")).first().isEqualTo(ALLEY);
    }

    @Test
    void aSharedNameAloneIsDividedAmongItsPlaces() {
        var matches = index.find("3号楼", e -> true, 10);
        assertThat(matches).extracting(m -> m.entry().id()).containsExactlyInAnyOrder(ONE_THREE, TWO_THREE);
        assertThat(matches).allSatisfy(m -> assertThat(m.score()).isEqualTo(0.5));
    }

    @Test
    void partialNamesCountWhenHalfTheirPairsAreThere() {
        assertThat(AddressIndex.coverage("石油大院", "石油院")).isZero();
        assertThat(AddressIndex.coverage("二里庄", "八里庄3号楼")).isZero();
        assertThat(find("八里庄3号楼")).doesNotContain(ERLIZHUANG);
        assertThat(find("石油院")).isEmpty();
        assertThat(AddressIndex.coverage("二里庄南", "二里庄")).isEqualTo(2.0 / 3);
    }

    @Test
    void theFilterAndTheLimitApply() {
        assertThat(index.find("二里庄一区3号楼", e -> e.depth() < 6, 10))
                .extracting(m -> m.entry().id())
                .first()
                .isEqualTo(ZONE_ONE);
        assertThat(index.find("二里庄一区3号楼", e -> true, 2)).hasSize(2);
        assertThat(find("")).isEmpty();
        assertThat(find("好")).isEmpty();
    }

    @Test
    void numeralsAreRead() {
        assertThat(AddressIndex.numeral("十二")).isEqualTo(12);
        assertThat(AddressIndex.numeral("二十")).isEqualTo(20);
        assertThat(AddressIndex.numeral("一百零五")).isEqualTo(105);
        assertThat(AddressIndex.numeral("一〇一")).isEqualTo(101);
        assertThat(AddressIndex.numeral("两")).isEqualTo(2);
        assertThat(AddressIndex.normalise("二里庄 一区（北）")).isEqualTo("二里庄1区北");
        assertThat(AddressIndex.core("石油大院社区")).isEqualTo("石油大院");
        assertThat(AddressIndex.core("社区")).isEqualTo("社区");
    }
}
