package org.gongzhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    static Money yuan(String text) {
        Violations v = new Violations();
        Money m = Money.parseYuan(text, "amount", v);
        assertThat(v.list()).as(text).isEmpty();
        return m;
    }

    static String refused(String text) {
        Violations v = new Violations();
        assertThat(Money.parseYuan(text, "amount", v)).as(text).isNull();
        return v.list().get(0).code();
    }

    @Test
    void amounts_typed_in_yuan_become_exact_fen() {
        assertThat(yuan("1500000").fen()).isEqualTo(150_000_000L);
        assertThat(yuan("1,500,000.00 元").fen()).isEqualTo(150_000_000L);
        assertThat(yuan("１５０万").fen()).isEqualTo(150_000_000L);
        assertThat(yuan("200.5万").fen()).isEqualTo(200_500_000L);
        assertThat(yuan("0.01").fen()).isEqualTo(1L);
        // 0.1 + 0.2 is exactly 0.30 here, never 0.30000000000000004.
        assertThat(yuan("0.1").plus(yuan("0.2"))).isEqualTo(yuan("0.3"));
        assertThat(yuan("1234567.8").yuan()).isEqualTo("1,234,567.80");
    }

    @Test
    void fractions_of_a_fen_negatives_and_amounts_past_the_ceiling_are_refused() {
        assertThat(refused("0.001")).isEqualTo("money.format");
        assertThat(refused("1.2.3")).isEqualTo("money.format");
        assertThat(refused("0.0000001万")).isEqualTo("money.format");
        assertThat(refused("-1")).isEqualTo("money.range");
        assertThat(yuan("10000000000").fen()).isEqualTo(Money.MAX_FEN);
        assertThat(refused("10000000000.01")).isEqualTo("money.range");
        assertThat(refused("99999999999999999999999")).isEqualTo("money.range");
        Violations v = new Violations();
        assertThat(Money.checkFen(Money.MAX_FEN + 1, "fen", true, v)).isNull();
        assertThat(Money.checkFen(-1L, "fen", true, v)).isNull();
        assertThat(Money.checkFen(Money.MAX_FEN, "fen", true, v)).isEqualTo(new Money(Money.MAX_FEN));
        assertThat(v.size()).isEqualTo(2);
        assertThatThrownBy(() -> new Money(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> yuan("9000000000").plus(yuan("2000000000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
