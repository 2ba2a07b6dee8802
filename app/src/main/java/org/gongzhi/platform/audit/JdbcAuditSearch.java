package org.gongzhi.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.gongzhi.platform.AuditSearch;
import org.gongzhi.shared.PageWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcAuditSearch implements AuditSearch {

    private final JdbcClient jdbc;

    JdbcAuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Page search(Filter f, int page, int size) {
        Where w = Where.of(f);
        String where = w.sql();
        Map<String, Object> params = w.params();
        PageWindow window = PageWindow.of(page, size, 500);
        int pageSize = window.size();
        int pageNumber = window.number();
        long total = jdbc.sql("select count(*) from platform.audit_event" + where)
                .params(params)
                .query(Long.class)
                .single();
        var entries = jdbc.sql("select * from platform.audit_event" + where
                        + " order by sequence desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", window.offset())
                .query((rs, n) -> ChainedAuditTrail.Row.of(rs).entry())
                .list();
        return new Page(entries, total, pageNumber, pageSize);
    }

    @Override
    @Transactional(readOnly = true)
    public Vocabulary vocabulary() {
        return new Vocabulary(
                jdbc.sql("select distinct action from platform.audit_event order by 1")
                        .query(String.class)
                        .list(),
                jdbc.sql("select distinct object_type from platform.audit_event where object_type is not null"
                                + " order by 1")
                        .query(String.class)
                        .list(),
                jdbc.sql("select distinct unnest(string_to_array(role, ',')) from platform.audit_event order by 1")
                        .query(String.class)
                        .list());
    }

    /**
     * Streams every entry matching the filter, newest first, through a database cursor (a few hundred rows in memory
     * at a time, whatever the total); returns how many were passed on.
     */
    @Override
    @Transactional(readOnly = true)
    public long forEach(Filter f, java.util.function.Consumer<Entry> each) {
        Where w = Where.of(f);
        long[] count = {0};
        jdbc.sql("select * from platform.audit_event" + w.sql() + " order by sequence desc")
                .params(w.params())
                .withFetchSize(500)
                .query((java.sql.ResultSet rs) -> {
                    each.accept(ChainedAuditTrail.Row.of(rs).entry());
                    count[0]++;
                });
        return count[0];
    }

    /** The WHERE clause of a filter and its parameters. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(Filter f) {
            StringBuilder where = new StringBuilder(" where true");
            Map<String, Object> params = new HashMap<>();
            if (f.action() != null && !f.action().isBlank()) {
                where.append(" and action = :action");
                params.put("action", f.action().strip());
            }
            if (f.actor() != null && !f.actor().isBlank()) {
                where.append(" and actor = :actor");
                params.put("actor", f.actor().strip());
            }
            if (f.objectType() != null && !f.objectType().isBlank()) {
                where.append(" and object_type = :objectType");
                params.put("objectType", f.objectType().strip());
            }
            if (f.text() != null && !f.text().isBlank()) {
                // The text as typed (codes, ids, values in summaries), or any code or name it stands for.
                where.append(" and (action like :text or actor like :text or object_id like :text"
                        + " or summary like :text");
                params.put(
                        "text",
                        "%"
                                + f.text()
                                        .strip()
                                        .replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_") + "%");
                AuditSearch.Words w = f.words() == null ? AuditSearch.Words.NONE : f.words();
                any(where, params, "action", "actions", w.actions());
                any(where, params, "object_type", "objectTypes", w.objectTypes());
                any(where, params, "actor", "actors", w.actors());
                any(where, params, "object_id", "objectIds", w.objectIds());
                if (!w.roles().isEmpty()) {
                    // A row's role is the actor's roles joined by commas.
                    where.append(" or string_to_array(role, ',') && cast(:roles as text[])");
                    params.put("roles", w.roles().toArray(String[]::new));
                }
                where.append(")");
            }
            if (f.from() != null) {
                where.append(" and at >= :from");
                params.put("from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
            }
            if (f.to() != null) {
                where.append(" and at < :to");
                params.put("to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
            }
            return new Where(where.toString(), params);
        }

        private static void any(
                StringBuilder where, Map<String, Object> params, String column, String name, Set<String> values) {
            if (!values.isEmpty()) {
                where.append(" or ")
                        .append(column)
                        .append(" in (:")
                        .append(name)
                        .append(")");
                params.put(name, values);
            }
        }
    }
}
