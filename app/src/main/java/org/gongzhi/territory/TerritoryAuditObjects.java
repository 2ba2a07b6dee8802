package org.gongzhi.territory;

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

/**
 * Names territory units (recorded by code, referred to by id in other records) and streets and zones for the audit
 * trail's readers.
 */
@Component
class TerritoryAuditObjects implements AuditObjects {

    private final JdbcClient jdbc;

    TerritoryAuditObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of("unit", "feature");
    }

    @Override
    public Map<String, Named> name(String type, Collection<String> ids) {
        Map<String, Named> named = new HashMap<>();
        if (ids.isEmpty()) {
            return named;
        }
        if (type.equals("unit")) {
            List<UUID> uuids = AuditObjects.uuids(ids);
            List<String> codes = ids.stream()
                    .filter(id -> uuids.stream().noneMatch(u -> u.toString().equals(id)))
                    .toList();
            jdbc.sql("select cast(id as text) as id, code, name from territory.unit"
                            + " where id = any(:ids) or code = any(:codes)")
                    .param("ids", uuids.toArray(UUID[]::new))
                    .param("codes", codes.toArray(String[]::new))
                    .query((rs, n) -> {
                        Named unit = new Named(rs.getString("name"), "/territory/units/" + rs.getString("code"));
                        named.put(rs.getString("id"), unit);
                        named.put(rs.getString("code"), unit);
                        return null;
                    })
                    .list();
        } else if (type.equals("feature")) {
            jdbc.sql("select code, name from territory.overlay_feature where code = any(:codes)")
                    .param("codes", ids.toArray(String[]::new))
                    .query((rs, n) -> named.put(rs.getString("code"), new Named(rs.getString("name"), null)))
                    .list();
        }
        return named;
    }

    @Override
    public Set<String> named(String type, String text) {
        String key = Text.key(Text.stripToNull(text));
        String table = type.equals("unit") ? "unit" : type.equals("feature") ? "overlay_feature" : null;
        if (key == null || table == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select code from territory." + table
                        + " where strpos(lower(normalize(name, NFKC)), :key) > 0 limit 200")
                .param("key", key)
                .query(String.class)
                .list());
    }
}
