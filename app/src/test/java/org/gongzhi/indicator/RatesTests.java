package org.gongzhi.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grades at their exact boundaries, and the formulas' rounding and empty denominators (docs/indicators.md). */
class RatesTests {

    static IndicatorSettings settings(int response, int resolution, int satisfaction, String partial) {
        return new IndicatorSettings(
                response, resolution, satisfaction, new BigDecimal(partial), true, true, true, Instant.EPOCH, "t", 1);
    }

    @ParameterizedTest
    @CsvSource({
        "100.00, A",
        "90.00, A",
        "89.99, B",
        "75.00, B",
        "74.99, C",
        "60.00, C",
        "59.99, D",
        "40.00, D",
        "39.99, E",
        "0.00, E"
    })
    void grades_start_exactly_at_90_75_60_and_40(String percent, Grade grade) {
        assertThat(Grade.of(new BigDecimal(percent))).isEqualTo(grade);
    }

    @Test
    void nothing_to_divide_by_is_no_rate_and_no_grade_not_zero() {
        Rates r = Rates.of(Rates.Counts.NONE, settings(20, 40, 40, "1"));
        assertThat(r.responseRate()).isNull();
        assertThat(r.composite()).isNull();
        assertThat(r.grade()).isNull();
        assertThat(r.closureRate()).isNull();
    }

    @Test
    void the_composite_weighs_the_unrounded_rates_and_is_graded_as_shown() {
        // 响应率 2/3, 解决率 3/4, 满意率 (2 + 1 × 0.5)/4: 66.666… × .2 + 75 × .4 + 62.5 × .4 = 68.3333… → 68.33.
        Rates r = Rates.of(new Rates.Counts(3, 3, 2, 4, 3, 2, 1, 0, 0, 0, 0, 0, 3, 0, 0), settings(20, 40, 40, "0.5"));
        assertThat(r.responseRate()).isEqualByComparingTo("66.67");
        assertThat(r.satisfactionRate()).isEqualByComparingTo("62.50");
        assertThat(r.composite()).isEqualByComparingTo("68.33");
        assertThat(r.grade()).isEqualTo(Grade.C);
        // A composite of exactly 75 is B, not C: 3/4 everywhere.
        Rates b = Rates.of(new Rates.Counts(4, 4, 3, 4, 3, 3, 0, 0, 0, 0, 0, 0, 4, 0, 0), settings(20, 40, 40, "1"));
        assertThat(b.composite()).isEqualByComparingTo("75.00");
        assertThat(b.grade()).isEqualTo(Grade.B);
    }

    @Test
    void weights_move_the_composite() {
        Rates.Counts c = new Rates.Counts(10, 10, 10, 10, 5, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0);
        assertThat(Rates.of(c, settings(20, 40, 40, "1")).composite()).isEqualByComparingTo("40.00");
        assertThat(Rates.of(c, settings(100, 0, 0, "1")).composite()).isEqualByComparingTo("100.00");
    }
}
