package org.gongzhi.indicator.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.YearMonth;
import java.util.List;
import org.gongzhi.indicator.Dimension;
import org.gongzhi.indicator.IndicatorSettings;
import org.gongzhi.indicator.Indicators;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators over the API: a unit's scorecard, a ranking, a trend, the traffic lights and the settings. */
@RestController
@RequestMapping("/api/v1")
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "indicators",
        description = "三率 and the GB/T 30428 indicators per handling unit, street, community, grid, category and month")
class IndicatorApi {

    private final Indicators indicators;

    IndicatorApi(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/indicators")
    @Operation(
            summary =
                    "One unit's indicators for a month (yyyy-MM, Beijing; default this month) beside the month before and the same month last year (环比, 同比);"
                            + " without dimension and key, the whole reach's")
    Indicators.Scorecard scorecard(
            @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String month) {
        Violations v = new Violations();
        Dimension d = dimension == null || dimension.isBlank()
                ? null
                : FormChecks.choice(Dimension.class, "dimension", dimension, v);
        YearMonth m = Indicators.month(month, "month", indicators.thisMonth(), v);
        v.throwIfAny();
        return indicators.scorecard(d, key == null || key.isBlank() ? null : key.strip(), m);
    }

    @GetMapping("/indicators/ranking")
    @Operation(
            summary = "Every unit of a dimension in reach, ranked by composite, over the months from..to (yyyy-MM;"
                    + " from defaults to this month, to to from)")
    List<Indicators.Row> ranking(
            @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Violations v = new Violations();
        Dimension d = required(dimension, v);
        YearMonth first = Indicators.month(from, "from", indicators.thisMonth(), v);
        YearMonth last = Indicators.month(to, "to", first, v);
        v.throwIfAny();
        return indicators.table(d, first, last);
    }

    @GetMapping("/indicators/trend")
    @Operation(summary = "Month by month from..to (yyyy-MM) for one unit, or without dimension and key the whole reach")
    List<Indicators.MonthRates> trend(
            @RequestParam(required = false) String dimension,
            @RequestParam(required = false) String key,
            @RequestParam String from,
            @RequestParam String to) {
        Violations v = new Violations();
        Dimension d = dimension == null || dimension.isBlank()
                ? null
                : FormChecks.choice(Dimension.class, "dimension", dimension, v);
        YearMonth first = Indicators.month(from, "from", null, v);
        YearMonth last = Indicators.month(to, "to", null, v);
        v.throwIfAny();
        return indicators.trend(d, key == null || key.isBlank() ? null : key.strip(), first, last);
    }

    @GetMapping("/indicators/lights")
    @Operation(summary = "The open work orders in reach by traffic light now, per unit of a dimension")
    List<Indicators.LightRow> lights(@RequestParam(required = false) String dimension) {
        Violations v = new Violations();
        Dimension d = required(dimension, v);
        v.throwIfAny();
        return indicators.lights(d);
    }

    @GetMapping("/indicators/settings")
    @Operation(summary = "How the rates are counted: the composite's weights, 基本满意's weight, the exclusions")
    IndicatorSettings settings() {
        return indicators.settings();
    }

    /** The dimension a table needs (400 when missing or not one). */
    private static Dimension required(String dimension, Violations v) {
        if (dimension == null || dimension.isBlank()) {
            v.add("dimension", "indicator.dimension.required");
            return null;
        }
        return FormChecks.choice(Dimension.class, "dimension", dimension, v);
    }
}
