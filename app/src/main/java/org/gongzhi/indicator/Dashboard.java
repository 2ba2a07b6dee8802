package org.gongzhi.indicator;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.gongzhi.dispatch.Whistles;

/**
 * Everything the indicator dashboard shows for one month and one breakdown, and what its .xlsx export holds: the
 * scorecard of the whole reach with 环比 and 同比, each unit's line ranked by composite, the twelve months to
 * {@code month}, the open work orders by traffic light, and the 吹哨报到 double assessment of the month.
 */
public record Dashboard(
        Dimension dimension,
        YearMonth month,
        Indicators.Scorecard scorecard,
        List<Indicators.Row> table,
        List<Indicators.MonthRates> trend,
        List<Indicators.LightRow> lights,
        Whistles.Assessment whistles,
        IndicatorSettings settings) {

    /** The dashboard for {@code month} broken down by {@code dimension}. */
    public static Dashboard of(Indicators indicators, Whistles whistles, Dimension dimension, YearMonth month) {
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        Instant start = month.atDay(1).atStartOfDay(beijing).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(beijing).toInstant();
        return new Dashboard(
                dimension,
                month,
                indicators.scorecard(null, null, month),
                indicators.table(dimension, month, month),
                indicators.trend(null, null, month.minusMonths(11), month),
                indicators.lights(dimension),
                whistles.assessment(start, end),
                indicators.settings());
    }
}
