package org.gongzhi.open311.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.open311.ClientView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code open311.client} and {@code open311.request}. */
@Component
public class ClientStore {

    private final JdbcClient jdbc;

    ClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String name, String keyHash, String prefix, Instant at, String by) {
        jdbc.sql("insert into open311.client (id, name, key_hash, key_prefix, created_at, created_by) values (?, ?, ?,"
                        + " ?, ?, ?)")
                .params(id, name, keyHash, prefix, Timestamp.from(at), by)
                .update();
    }

    public List<ClientView> all() {
        return jdbc.sql("select * from open311.client order by revoked_at nulls first, created_at desc")
                .query(ClientStore::view)
                .list();
    }

    public Optional<ClientView> find(UUID id) {
        return jdbc.sql("select * from open311.client where id = ?")
                .param(id)
                .query(ClientStore::view)
                .optional();
    }

    /** The active client holding the key with this hash. */
    public Optional<ClientView> active(String keyHash) {
        return jdbc.sql("select * from open311.client where key_hash = ? and revoked_at is null")
                .param(keyHash)
                .query(ClientStore::view)
                .optional();
    }

    public boolean revoke(UUID id, Instant at, String by) {
        return jdbc.sql("update open311.client set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(at), by, id)
                        .update()
                == 1;
    }

    /** Notes the client's latest use, at most once a minute (a busy client does not write on every request). */
    public void used(UUID id, Instant at) {
        jdbc.sql(
                        "update open311.client set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(at), id, Timestamp.from(at.minusSeconds(60)))
                .update();
    }

    public void recordRequest(String trackingCode, String token, UUID client, String mediaUrl, Instant at) {
        jdbc.sql("insert into open311.request (tracking_code, token, client_id, media_url, requested_at) values (?, ?,"
                        + " ?, ?, ?)")
                .params(trackingCode, token, client, mediaUrl, Timestamp.from(at))
                .update();
    }

    /** The tracking code a token stands for. */
    public Optional<String> byToken(String token) {
        return jdbc.sql("select tracking_code from open311.request where token = ?")
                .param(token)
                .query(String.class)
                .optional();
    }

    /** The media URLs given with these requests, by tracking code. */
    public java.util.Map<String, String> mediaUrls(java.util.Collection<String> codes) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.sql("select tracking_code, media_url from open311.request where media_url is not null and"
                        + " tracking_code = any(?)")
                .param(codes.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    private static ClientView view(ResultSet rs, int n) throws SQLException {
        return new ClientView(
                (UUID) rs.getObject("id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "revoked_at"),
                rs.getString("revoked_by"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
