package org.gongzhi.appeal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal list as an .xlsx 台账: the appeals the acting person may read that match a filter, newest first, at most
 * {@link #MAX_ROWS}, with the columns of the list page and never the reporter's name or number. The file carries a
 * watermark naming who exported it, when and with which filter — in the first row, in every printed page's header and
 * on a sheet of its own — and every export is audited ({@code appeal.exported}). 403 without {@link
 * AppealPermission#READ}.
 */
@Service
@Transactional
public class AppealExports {

    /** The most rows one export holds; the watermark says when the filter matched more. */
    public static final int MAX_ROWS = 10_000;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AppealQueries queries;
    private final ActorResolver actors;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    AppealExports(AppealQueries queries, ActorResolver actors, AuditTrail audit, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.actors = actors;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Writes the workbook to {@code out} and answers how many appeals it holds. */
    public int export(AppealFilter filter, OutputStream out) throws IOException {
        List<AppealRow> rows = new ArrayList<>();
        String cursor = null;
        boolean more;
        do {
            AppealPage page = queries.list(filter, cursor, AppealQueries.MAX_PAGE);
            for (AppealRow r : page.rows()) {
                if (rows.size() < MAX_ROWS) {
                    rows.add(r);
                }
            }
            cursor = page.next();
            more = cursor != null && rows.size() < MAX_ROWS;
        } while (more);
        boolean cut = cursor != null;
        Actor who = actors.current();
        Instant now = clock.instant();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String watermark = label(
                "appeal.export.watermark",
                zh,
                who.name(),
                messages.getMessage("role." + who.role(), null, who.role(), zh),
                MINUTES.format(now.atZone(clock.getZone())),
                described(filter),
                rows.size(),
                cut ? label("appeal.export.cut", zh, MAX_ROWS) : "");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", rows.size());
        details.put("filter", described(filter));
        audit.record(AuditRecord.created("appeal.exported", "appeal", null, details));
        write(rows, watermark, out, zh);
        return rows.size();
    }

    private void write(List<AppealRow> rows, String watermark, OutputStream out, Locale locale) throws IOException {
        Workbook wb = new Workbook(out, "Gongzhi", "1.0");
        Worksheet ws = wb.newWorksheet(label("appeal.export.sheet", locale));
        String[] headers = {
            "trackingCode",
            "registeredAt",
            "channel",
            "type",
            "category",
            "summary",
            "place",
            "state",
            "handler",
            "resolutionDue",
            "light",
            "synthetic"
        };
        ws.value(0, 0, watermark);
        ws.style(0, 0).italic().fontColor("B3261E").set();
        for (int c = 0; c < headers.length; c++) {
            ws.value(1, c, label("appeal.export.column." + headers[c], locale));
            ws.style(1, c).bold().fillColor("F2F2F2").set();
        }
        int r = 2;
        for (AppealRow a : rows) {
            ws.value(r, 0, a.trackingCode());
            ws.value(r, 1, MINUTES.format(a.registeredAt().atZone(clock.getZone())));
            ws.value(r, 2, label("appeal.channel." + a.channel(), locale));
            ws.value(r, 3, label("appeal.type." + a.type(), locale));
            put(ws, r, 4, a.categoryName());
            ws.value(r, 5, a.summary());
            put(ws, r, 6, a.place());
            ws.value(r, 7, label("appeal.state." + a.state(), locale));
            put(ws, r, 8, a.handler());
            put(
                    ws,
                    r,
                    9,
                    a.resolutionDue() == null
                            ? null
                            : MINUTES.format(a.resolutionDue().atZone(clock.getZone())));
            put(ws, r, 10, a.light() == null ? null : label("appeal.light." + a.light(), locale));
            ws.value(r, 11, label(a.synthetic() ? "common.yes" : "common.no", locale));
            r++;
        }
        ws.freezePane(1, 2);
        ws.width(0, 16);
        ws.width(1, 17);
        ws.width(4, 16);
        ws.width(5, 44);
        ws.width(6, 16);
        ws.width(8, 26);
        ws.width(9, 17);
        ws.header(watermark, Position.CENTER);
        ws.footer(watermark, Position.CENTER);
        Worksheet about = wb.newWorksheet(label("appeal.export.about", locale));
        about.value(0, 0, watermark);
        about.value(1, 0, label("appeal.export.notice", locale));
        about.width(0, 120);
        wb.finish();
    }

    private static void put(Worksheet ws, int r, int c, String value) {
        if (value != null) {
            ws.value(r, c, value);
        }
    }

    /** The filter in words for the watermark and the audit trail: only what was set. */
    private String described(AppealFilter f) {
        List<String> parts = new ArrayList<>();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        if (f.state() != null) {
            parts.add(label("appeal.state." + f.state(), zh));
        }
        if (f.category() != null && !f.category().isBlank()) {
            parts.add(f.category().strip());
        }
        if (f.channel() != null) {
            parts.add(label("appeal.channel." + f.channel(), zh));
        }
        if (f.light() != null) {
            parts.add(label("appeal.light." + f.light(), zh));
        }
        if (f.from() != null || f.to() != null) {
            parts.add((f.from() == null ? "" : f.from().toString()) + "～" + (f.to() == null ? "" : f.to().toString()));
        }
        return parts.isEmpty() ? label("appeal.export.everything", zh) : String.join("，", parts);
    }

    private String label(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
