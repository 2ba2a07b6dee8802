package org.gongzhi.indicator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.dispatch.Whistles;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The dashboard as an .xlsx workbook: one sheet per table it shows (the scorecard with 环比 and 同比, the ranking, the
 * trend, the traffic lights, the whistle assessment of streets and of departments), with the labels of the viewer's
 * language. Like every export it carries a watermark naming who exported it and when, and is audited
 * ({@code indicator.exported}). Figures only: no appeal, no person.
 */
@Service
public class IndicatorExports {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The rates of a {@link Rates}, in the order the sheets show them. */
    static final List<String> RATES = Indicators.RATE_NAMES;

    private final ActorResolver actors;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    IndicatorExports(ActorResolver actors, AuditTrail audit, MessageSource messages, Clock clock) {
        this.actors = actors;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @org.springframework.transaction.annotation.Transactional
    public void export(Dashboard d, Locale locale, OutputStream out) throws IOException {
        Actor who = actors.current();
        String watermark = label(
                "indicator.export.watermark",
                locale,
                who.name(),
                MINUTES.format(clock.instant().atZone(clock.getZone())),
                d.month().toString(),
                label("indicator.dimension." + d.dimension(), locale));
        audit.record(AuditRecord.created(
                "indicator.exported",
                "indicator-dashboard",
                d.month() + "/" + d.dimension().name(),
                Map.of("month", d.month().toString(), "dimension", d.dimension().name())));
        Workbook wb = new Workbook(out, "Gongzhi", "1.0");
        scorecard(wb.newWorksheet(label("indicator.export.sheet.scorecard", locale)), d, watermark, locale);
        ranking(wb.newWorksheet(label("indicator.export.sheet.ranking", locale)), d, watermark, locale);
        trend(wb.newWorksheet(label("indicator.export.sheet.trend", locale)), d, watermark, locale);
        lights(wb.newWorksheet(label("indicator.export.sheet.lights", locale)), d, watermark, locale);
        streets(
                wb.newWorksheet(label("indicator.export.sheet.whistle-streets", locale)),
                d.whistles(),
                watermark,
                locale);
        departments(
                wb.newWorksheet(label("indicator.export.sheet.whistle-departments", locale)),
                d.whistles(),
                watermark,
                locale);
        wb.finish();
    }

    private void scorecard(Worksheet ws, Dashboard d, String watermark, Locale locale) {
        Indicators.Scorecard s = d.scorecard();
        int r = head(
                ws,
                watermark,
                locale,
                "indicator.field.indicator",
                "indicator.field.this-month",
                "indicator.field.previous-month",
                "indicator.field.month-on-month",
                "indicator.field.last-year",
                "indicator.field.year-on-year");
        for (String rate : RATES) {
            ws.value(r, 0, label("indicator.rate." + rate, locale));
            number(ws, r, 1, Indicators.rate(s.current(), rate));
            number(ws, r, 2, Indicators.rate(s.previousMonth(), rate));
            number(ws, r, 3, s.monthOnMonth(rate));
            number(ws, r, 4, Indicators.rate(s.lastYear(), rate));
            number(ws, r, 5, s.yearOnYear(rate));
            r++;
        }
        count(
                ws,
                r++,
                locale,
                "indicator.count.received",
                s.current().counts().received(),
                s.previousMonth().counts().received(),
                s.lastYear().counts().received());
        count(
                ws,
                r,
                locale,
                "indicator.count.suspended",
                s.current().counts().suspended(),
                s.previousMonth().counts().suspended(),
                s.lastYear().counts().suspended());
        ws.width(0, 18);
    }

    private void count(Worksheet ws, int r, Locale locale, String key, long now, long before, long lastYear) {
        ws.value(r, 0, label(key, locale));
        ws.value(r, 1, now);
        ws.value(r, 2, before);
        ws.value(r, 4, lastYear);
    }

    private void ranking(Worksheet ws, Dashboard d, String watermark, Locale locale) {
        String[] heads = new String[RATES.size() + 6];
        heads[0] = "indicator.field.rank";
        heads[1] = "indicator.dimension." + d.dimension();
        heads[2] = "indicator.count.received";
        heads[3] = "indicator.count.dispatched";
        heads[4] = "indicator.count.followed-up";
        heads[5] = "indicator.field.grade";
        for (int i = 0; i < RATES.size(); i++) {
            heads[6 + i] = "indicator.rate." + RATES.get(i);
        }
        int r = head(ws, watermark, locale, heads);
        for (Indicators.Row row : d.table()) {
            ws.value(r, 0, row.rank());
            ws.value(r, 1, row.name());
            ws.value(r, 2, row.rates().counts().received());
            ws.value(r, 3, row.rates().counts().dispatched());
            ws.value(r, 4, row.rates().counts().followedUp());
            if (row.rates().grade() != null) {
                ws.value(r, 5, row.rates().grade().name());
            }
            for (int i = 0; i < RATES.size(); i++) {
                number(ws, r, 6 + i, Indicators.rate(row.rates(), RATES.get(i)));
            }
            r++;
        }
        ws.width(1, 28);
    }

    private void trend(Worksheet ws, Dashboard d, String watermark, Locale locale) {
        String[] heads = new String[RATES.size() + 2];
        heads[0] = "indicator.field.month";
        heads[1] = "indicator.count.received";
        for (int i = 0; i < RATES.size(); i++) {
            heads[2 + i] = "indicator.rate." + RATES.get(i);
        }
        int r = head(ws, watermark, locale, heads);
        for (Indicators.MonthRates m : d.trend()) {
            ws.value(r, 0, m.month().toString());
            ws.value(r, 1, m.rates().counts().received());
            for (int i = 0; i < RATES.size(); i++) {
                number(ws, r, 2 + i, Indicators.rate(m.rates(), RATES.get(i)));
            }
            r++;
        }
    }

    private void lights(Worksheet ws, Dashboard d, String watermark, Locale locale) {
        int r = head(
                ws,
                watermark,
                locale,
                "indicator.dimension." + d.dimension(),
                "appeal.light.GREEN",
                "appeal.light.YELLOW",
                "appeal.light.RED");
        for (Indicators.LightRow l : d.lights()) {
            ws.value(r, 0, l.name());
            ws.value(r, 1, l.green());
            ws.value(r, 2, l.yellow());
            ws.value(r, 3, l.red());
            r++;
        }
        ws.width(0, 28);
    }

    private void streets(Worksheet ws, Whistles.Assessment a, String watermark, Locale locale) {
        int r = head(
                ws,
                watermark,
                locale,
                "dispatch.whistle.field.street",
                "dispatch.whistle.field.blown-count",
                "dispatch.whistle-case.COMPLEX_DEMAND",
                "dispatch.whistle-case.JOINT_ENFORCEMENT",
                "dispatch.whistle-case.EMERGENCY",
                "dispatch.whistle.field.closed",
                "dispatch.whistle-outcome.RESOLVED");
        for (Whistles.StreetAssessment s : a.streets()) {
            ws.value(r, 0, s.name());
            ws.value(r, 1, s.blown());
            ws.value(r, 2, s.complexDemand());
            ws.value(r, 3, s.jointEnforcement());
            ws.value(r, 4, s.emergency());
            ws.value(r, 5, s.closed());
            ws.value(r, 6, s.resolved());
            r++;
        }
        ws.width(0, 20);
    }

    private void departments(Worksheet ws, Whistles.Assessment a, String watermark, Locale locale) {
        int r = head(
                ws,
                watermark,
                locale,
                "dispatch.whistle.field.rank",
                "dispatch.whistle.field.department",
                "dispatch.whistle.field.summoned",
                "dispatch.whistle.field.on-time",
                "dispatch.whistle.field.late",
                "dispatch.whistle.field.absent",
                "dispatch.whistle.field.timely-rate",
                "dispatch.whistle.field.mean-rating");
        for (Whistles.DepartmentAssessment x : a.departments()) {
            ws.value(r, 0, x.rank());
            ws.value(r, 1, x.name());
            ws.value(r, 2, x.summoned());
            ws.value(r, 3, x.onTime());
            ws.value(r, 4, x.late());
            ws.value(r, 5, x.absent());
            if (x.timelyRate() != null) {
                ws.value(r, 6, Rates.percent(x.onTime(), x.due()));
            }
            if (x.meanRating() != null) {
                ws.value(r, 7, x.meanRating());
            }
            r++;
        }
        ws.width(1, 28);
    }

    /** The watermark in the first row and the page header, the column heads in the second; the next row to write. */
    private int head(Worksheet ws, String watermark, Locale locale, String... keys) {
        ws.value(0, 0, watermark);
        ws.style(0, 0).italic().fontColor("B3261E").set();
        for (int c = 0; c < keys.length; c++) {
            ws.value(1, c, label(keys[c], locale));
            ws.style(1, c).bold().fillColor("F2F2F2").set();
        }
        ws.header(watermark, Position.CENTER);
        ws.freezePane(1, 2);
        return 2;
    }

    private static void number(Worksheet ws, int r, int c, BigDecimal value) {
        if (value != null) {
            ws.value(r, c, value);
        }
    }

    private String label(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
