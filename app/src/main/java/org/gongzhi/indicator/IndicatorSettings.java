package org.gongzhi.indicator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How the rates are counted in this installation (DOMAIN.md §4, Indicators; docs/indicators.md): the composite's
 * weights in percent (each 0–100, summing to 100; default 响应率 20, 解决率 40, 满意率 40), the weight of a 基本满意
 * answer in 满意率 (0.00–1.00, default 1.00), and which kinds of appeal are left out of every count (default all three:
 * 咨询即答, 作废, 重复件). {@code version} is what an edit names as the one it read.
 */
public record IndicatorSettings(
        int responseWeight,
        int resolutionWeight,
        int satisfactionWeight,
        BigDecimal basicallySatisfiedWeight,
        boolean excludeAnsweredAtIntake,
        boolean excludeVoided,
        boolean excludeRepeats,
        Instant updatedAt,
        String updatedBy,
        long version) {}
