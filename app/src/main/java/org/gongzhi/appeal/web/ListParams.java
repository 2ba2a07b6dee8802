package org.gongzhi.appeal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongzhi.appeal.AppealFilter;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.TrafficLight;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.Violations;

/**
 * The appeal list's filters as the query string carries them, shared by the list, the map, its markers and the
 * export. A value that cannot be read (a state or light not offered, a date that is not one) or a date range the wrong
 * way round is a field error, not a filter silently dropped.
 */
record ListParams(String state, String category, String channel, String light, String from, String to) {

    private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{2}([0-9]{2})?");

    static ListParams none() {
        return new ListParams(null, null, null, null, null, null);
    }

    /** The filters as read, the unreadable ones left out, and what was wrong with them, by field. */
    record Read(AppealFilter filter, Violations problems) {}

    Read read(boolean mine) {
        Violations problems = new Violations();
        LocalDate fromDate = FormChecks.date("from", from, problems);
        LocalDate toDate = FormChecks.date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add("to", "appeal.filter.dates-reversed");
        }
        // A 大类 (E05) or 小类 (E0504) code, as the picker offers; anything else is refused, not matched as a pattern.
        String categoryCode =
                category == null || category.isBlank() ? null : category.strip().toUpperCase(Locale.ROOT);
        if (categoryCode != null && !CATEGORY.matcher(categoryCode).matches()) {
            problems.add("category", "appeal.filter.category");
            categoryCode = null;
        }
        return new Read(
                new AppealFilter(
                        FormChecks.choice(AppealState.class, "state", state, problems),
                        categoryCode,
                        FormChecks.choice(Channel.class, "channel", channel, problems),
                        null,
                        FormChecks.choice(TrafficLight.class, "light", light, problems),
                        fromDate,
                        toDate,
                        mine),
                problems);
    }

    /** The filters; 400 naming the field for one that cannot be read (see the class comment). */
    AppealFilter filter(boolean mine) {
        Read read = read(mine);
        read.problems().throwIfAny();
        return read.filter();
    }

    /** The filters that were set, by name, to carry on to the next page, the map or the export. */
    Map<String, String> kept() {
        Map<String, String> kept = new LinkedHashMap<>();
        put(kept, "state", state);
        put(kept, "category", category);
        put(kept, "channel", channel);
        put(kept, "light", light);
        put(kept, "from", from);
        put(kept, "to", to);
        return kept;
    }

    /** {@link #kept()} as a query string ({@code state=HANDLING&light=RED}), empty when nothing is set. */
    String query() {
        StringBuilder q = new StringBuilder();
        kept().forEach((name, value) -> q.append(q.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static void put(Map<String, String> kept, String name, String value) {
        if (value != null && !value.isBlank()) {
            kept.put(name, value.strip());
        }
    }
}
