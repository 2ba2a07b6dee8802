package org.gongzhi.appeal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongzhi.appeal.AppealFilter;
import org.gongzhi.appeal.AppealState;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.TrafficLight;
import org.gongzhi.platform.FormChecks;
import org.gongzhi.shared.Violations;

/**
 * The appeal list's filters as the query string carries them, shared by the list, the map, its markers and the
 * export; a value that cannot be read filters nothing.
 */
record ListParams(String state, String category, String channel, String light, String from, String to) {

    static ListParams none() {
        return new ListParams(null, null, null, null, null, null);
    }

    AppealFilter filter(boolean mine) {
        Violations ignored = new Violations();
        return new AppealFilter(
                FormChecks.choice(AppealState.class, "state", state, ignored),
                category,
                FormChecks.choice(Channel.class, "channel", channel, ignored),
                null,
                FormChecks.choice(TrafficLight.class, "light", light, ignored),
                FormChecks.date("from", from, ignored),
                FormChecks.date("to", to, ignored),
                mine);
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
