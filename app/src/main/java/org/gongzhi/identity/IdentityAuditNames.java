package org.gongzhi.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.platform.AuditActors;
import org.gongzhi.platform.AuditObjects;
import org.gongzhi.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff accounts for the audit trail's readers: the display names behind user names, and accounts named as objects
 * (by user name and display name). Residents are never named: their records stay pseudonymous.
 */
@Component
class IdentityAuditNames implements AuditActors, AuditObjects {

    private final JdbcClient jdbc;

    IdentityAuditNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, display_name from identity.account where username = any(:names)")
                    .param("names", usernames.toArray(String[]::new))
                    .query((rs, n) -> names.put(rs.getString("username"), rs.getString("display_name")))
                    .list();
        }
        return names;
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select username, display_name from identity.account order by username limit 2000")
                .query((rs, n) -> names.put(rs.getString("username"), rs.getString("display_name")))
                .list();
        return names;
    }

    @Override
    public Set<String> named(String text) {
        String key = Text.key(Text.stripToNull(text));
        if (key == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select username from identity.account"
                        + " where strpos(lower(normalize(display_name, NFKC)), :key) > 0 limit 200")
                .param("key", key)
                .query(String.class)
                .list());
    }

    @Override
    public Set<String> types() {
        return Set.of("account");
    }

    @Override
    public Map<String, Named> name(String type, Collection<String> ids) {
        Map<String, Named> named = new HashMap<>();
        var uuids = AuditObjects.uuids(ids).toArray(UUID[]::new);
        if (type.equals("account") && uuids.length > 0) {
            jdbc.sql("select cast(id as text) as id, username, display_name from identity.account where id = any(:ids)")
                    .param("ids", uuids)
                    .query((rs, n) -> named.put(
                            rs.getString("id"),
                            new Named(rs.getString("display_name") + "（" + rs.getString("username") + "）", null)))
                    .list();
        }
        return named;
    }

    @Override
    public Set<String> named(String type, String text) {
        String key = Text.key(Text.stripToNull(text));
        if (!type.equals("account") || key == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("select cast(id as text) from identity.account"
                        + " where strpos(lower(normalize(display_name, NFKC)), :key) > 0"
                        + " or strpos(lower(username), :key) > 0 limit 200")
                .param("key", key)
                .query(String.class)
                .list());
    }
}
