package org.gongzhi.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.platform.AuditObjects;
import org.gongzhi.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names organisations, councils, their seats and responsibility lists for the audit trail's readers. */
@Component
class OrganizationAuditObjects implements AuditObjects {

    private static final Map<String, Source> SOURCES = Map.of(
            "organisation", new Source("organisation", "name", "/organizations/"),
            "council", new Source("council", "name", "/councils/"),
            "responsibility-list", new Source("responsibility_list", "title", "/responsibility-lists/"));

    private final JdbcClient jdbc;

    OrganizationAuditObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a type's names are kept (a table of this module's schema), and the page of one object. */
    private record Source(String table, String column, String link) {}

    @Override
    public Set<String> types() {
        return Set.of("organisation", "council", "responsibility-list", "council-member");
    }

    @Override
    public Map<String, Named> name(String type, Collection<String> ids) {
        Map<String, Named> named = new HashMap<>();
        if (type.equals("council-member")) {
            // A seat is "council/organisation": named by both.
            Map<String, Named> councils =
                    name("council", ids.stream().map(i -> i.split("/")[0]).toList());
            Map<String, Named> members = name(
                    "organisation",
                    ids.stream()
                            .filter(i -> i.contains("/"))
                            .map(i -> i.split("/")[1])
                            .toList());
            for (String id : ids) {
                String[] parts = id.split("/");
                Named council = councils.get(parts[0]);
                Named member = parts.length > 1 ? members.get(parts[1]) : null;
                if (council != null && member != null) {
                    named.put(id, new Named(council.name() + " · " + member.name(), council.link()));
                }
            }
            return named;
        }
        Source source = SOURCES.get(type);
        List<UUID> uuids = AuditObjects.uuids(ids);
        if (source == null || uuids.isEmpty()) {
            return named;
        }
        jdbc.sql("select id, " + source.column() + " as name from organization." + source.table()
                        + " where id = any(:ids)")
                .param("ids", uuids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    named.put(id, new Named(rs.getString("name"), source.link() + id));
                    return null;
                })
                .list();
        return named;
    }

    @Override
    public Set<String> named(String type, String text) {
        Source source = SOURCES.get(type);
        String key = Text.key(Text.stripToNull(text));
        if (source == null || key == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select cast(id as text) from organization." + source.table()
                        + " where strpos(lower(normalize(" + source.column() + ", NFKC)), :key) > 0 limit 200")
                .param("key", key)
                .query(String.class)
                .list());
    }
}
