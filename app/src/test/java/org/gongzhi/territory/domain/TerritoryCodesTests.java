package org.gongzhi.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongzhi.shared.Violation;
import org.gongzhi.territory.UnitKind;
import org.junit.jupiter.api.Test;

class TerritoryCodesTests {

    private static String problem(UnitKind kind, String code, String parent) {
        Violation v = TerritoryCodes.problem("code", kind, code, parent);
        return v == null ? null : v.code();
    }

    @Test
    void a_district_code_is_six_digits_of_a_real_province_and_not_a_prefecture() {
        assertThat(problem(UnitKind.DISTRICT, "110108", null)).isNull();
        assertThat(problem(UnitKind.DISTRICT, "310110", null)).isNull();
        assertThat(problem(UnitKind.DISTRICT, "11010", null)).isEqualTo("territory.code.format");
        assertThat(problem(UnitKind.DISTRICT, "990108", null)).isEqualTo("territory.code.district");
        assertThat(problem(UnitKind.DISTRICT, "110100", null)).isEqualTo("territory.code.district");
        assertThat(problem(UnitKind.DISTRICT, "110008", null)).isEqualTo("territory.code.district");
    }

    @Test
    void a_subdistrict_adds_001_to_199_to_its_district() {
        assertThat(problem(UnitKind.SUBDISTRICT, "110108001", "110108")).isNull();
        assertThat(problem(UnitKind.SUBDISTRICT, "110108199", "110108")).isNull();
        assertThat(problem(UnitKind.SUBDISTRICT, "110108000", "110108")).isEqualTo("territory.code.range");
        assertThat(problem(UnitKind.SUBDISTRICT, "110108200", "110108")).isEqualTo("territory.code.range");
        assertThat(problem(UnitKind.SUBDISTRICT, "110101010", "110108")).isEqualTo("territory.code.prefix");
        assertThat(problem(UnitKind.SUBDISTRICT, "11010801", "110108")).isEqualTo("territory.code.length");
    }

    @Test
    void a_community_adds_001_to_399_to_its_subdistrict_also_under_a_block() {
        assertThat(problem(UnitKind.COMMUNITY, "110108010001", "110108010")).isNull();
        assertThat(problem(UnitKind.COMMUNITY, "110108010399", "110108010B01")).isNull();
        assertThat(problem(UnitKind.COMMUNITY, "110108010400", "110108010")).isEqualTo("territory.code.range");
        assertThat(problem(UnitKind.COMMUNITY, "110108011001", "110108010B01")).isEqualTo("territory.code.prefix");
    }

    @Test
    void a_grid_is_the_fifteen_digit_beijing_unit_grid_code() {
        assertThat(problem(UnitKind.GRID, "110108010001001", "110108010001")).isNull();
        assertThat(problem(UnitKind.GRID, "110108010001000", "110108010001")).isEqualTo("territory.code.range");
        assertThat(problem(UnitKind.GRID, "11010801000100", "110108010001")).isEqualTo("territory.code.length");
        assertThat(problem(UnitKind.GRID, "110108010002001", "110108010001")).isEqualTo("territory.code.prefix");
    }

    @Test
    void blocks_streets_and_zones_extend_the_subdistrict_code_with_a_letter() {
        assertThat(problem(UnitKind.BLOCK, "110108010B01", "110108010")).isNull();
        assertThat(problem(UnitKind.BLOCK, "110108010B00", "110108010")).isEqualTo("territory.code.format");
        assertThat(problem(UnitKind.BLOCK, "110108011B01", "110108010")).isEqualTo("territory.code.prefix");
        assertThat(TerritoryCodes.streetProblem("c", "110108010S001", "110108010"))
                .isNull();
        assertThat(TerritoryCodes.streetProblem("c", "110108010S000", "110108010")
                        .code())
                .isEqualTo("territory.code.format");
        assertThat(TerritoryCodes.zoneProblem("c", "110108010Z01", "110108010")).isNull();
        assertThat(TerritoryCodes.zoneProblem("c", "110108010Z1", "110108010").code())
                .isEqualTo("territory.code.format");
    }
}
