package org.gongzhi.indicator;

import java.math.BigDecimal;

/**
 * A rate's grade (DOMAIN.md §4, Indicators): A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below, on the percentage as shown
 * (rounded to two decimals), so a figure and its grade never disagree.
 */
public enum Grade {
    A(90),
    B(75),
    C(60),
    D(40),
    E(0);

    private final BigDecimal from;

    Grade(int from) {
        this.from = BigDecimal.valueOf(from);
    }

    /** The lowest percentage (0–100) graded so. */
    public BigDecimal from() {
        return from;
    }

    /** The grade of a percentage (0–100); null for null (nothing to rate). */
    public static Grade of(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        for (Grade g : values()) {
            if (percent.compareTo(g.from) >= 0) {
                return g;
            }
        }
        return E;
    }
}
