package org.gongzhi.appeal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.platform.AuditObjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names appeals (by tracking code, never by reporter) and categories for the audit trail's readers. */
@Component
class AppealAuditObjects implements AuditObjects {

    private final JdbcClient jdbc;

    AppealAuditObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of("appeal", "appeal-category", "appeal-knowledge");
    }

    @Override
    public Map<String, Named> name(String type, Collection<String> ids) {
        Map<String, Named> named = new HashMap<>();
        if (type.equals("appeal")) {
            List<UUID> uuids = AuditObjects.uuids(ids);
            if (!uuids.isEmpty()) {
                jdbc.sql("select id, tracking_code from appeal.appeal where id = any(:ids)")
                        .param("ids", uuids.toArray(UUID[]::new))
                        .query((rs, n) -> named.put(rs.getString(1), new Named(rs.getString(2), null)))
                        .list();
            }
        } else if (type.equals("appeal-knowledge")) {
            List<UUID> uuids = AuditObjects.uuids(ids);
            if (!uuids.isEmpty()) {
                jdbc.sql("select id, title from appeal.knowledge_article where id = any(:ids)")
                        .param("ids", uuids.toArray(UUID[]::new))
                        .query((rs, n) -> named.put(rs.getString(1), new Named(rs.getString(2), null)))
                        .list();
            }
        } else if (type.equals("appeal-category") && !ids.isEmpty()) {
            jdbc.sql("select code, code || ' ' || name from appeal.category where superseded_at is null"
                            + " and code = any(:ids)")
                    .param("ids", ids.toArray(String[]::new))
                    .query((rs, n) -> named.put(rs.getString(1), new Named(rs.getString(2), null)))
                    .list();
        }
        return named;
    }

    @Override
    public Set<String> named(String type, String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        if (type.equals("appeal")) {
            return Set.copyOf(jdbc.sql("select id::text from appeal.appeal where tracking_code = :code limit 200")
                    .param("code", text.strip().toUpperCase(java.util.Locale.ROOT))
                    .query(String.class)
                    .list());
        }
        if (type.equals("appeal-category")) {
            return Set.copyOf(
                    jdbc.sql("select distinct code from appeal.category where strpos(name, :text) > 0 or code = :code"
                                    + " limit 200")
                            .param("text", text.strip())
                            .param("code", text.strip().toUpperCase(java.util.Locale.ROOT))
                            .query(String.class)
                            .list());
        }
        if (type.equals("appeal-knowledge")) {
            return Set.copyOf(jdbc.sql("select id::text from appeal.knowledge_article where strpos(title, :text) > 0"
                            + " limit 200")
                    .param("text", text.strip())
                    .query(String.class)
                    .list());
        }
        return Set.of();
    }
}
