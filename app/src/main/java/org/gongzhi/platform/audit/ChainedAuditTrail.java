package org.gongzhi.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit rows to {@code platform.audit_event}. Each row's hash is SHA-256 over its own fields and the previous
 * row's hash; the chain head is locked for the rest of the transaction, so concurrent writers append one after the
 * other and the chain has no forks. A database trigger refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Component
class ChainedAuditTrail implements AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final ActorResolver actors;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    ChainedAuditTrail(JdbcClient jdbc, ActorResolver actors, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        recordAll(List.of(record));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditRecord> records) {
        append(actors.current(), records);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, AuditRecord record) {
        append(actor, List.of(record));
    }

    private void append(Actor actor, List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> head = jdbc.sql("select sequence, hash from platform.audit_head where id = 1 for update")
                .query()
                .singleRow();
        long sequence = ((Number) head.get("sequence")).longValue();
        String previous = (String) head.get("hash");
        for (AuditRecord r : records) {
            sequence++;
            Row row = new Row(
                    sequence,
                    at,
                    actor.name(),
                    actor.role(),
                    actor.scope(),
                    r.action(),
                    r.objectType(),
                    r.objectId(),
                    summary(r),
                    actor.address(),
                    previous);
            String hash = row.hash();
            jdbc.sql("insert into platform.audit_event (sequence, at, actor, role, scope, action, object_type,"
                            + " object_id, summary, address, previous_hash, hash)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            row.sequence(),
                            OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC),
                            row.actor(),
                            row.role(),
                            row.scope(),
                            row.action(),
                            row.objectType(),
                            row.objectId(),
                            row.summary(),
                            row.address(),
                            row.previousHash(),
                            hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("update platform.audit_head set sequence = ?, hash = ? where id = 1")
                .params(sequence, previous)
                .update();
    }

    private String summary(AuditRecord r) {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (r.before() != null) {
            summary.put("before", r.before());
        }
        if (r.after() != null) {
            summary.put("after", r.after());
        }
        return json.writeValueAsString(summary);
    }

    @Override
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        long[] rows = {0};
        String[] previous = {GENESIS};
        long[] expected = {1};
        ChainCheck[] broken = {null};
        jdbc.sql("select sequence, at, actor, role, scope, action, object_type, object_id, summary, address,"
                        + " previous_hash, hash from platform.audit_event order by sequence")
                .query(rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    Row row = Row.of(rs);
                    rows[0]++;
                    if (row.sequence() != expected[0]) {
                        broken[0] = new ChainCheck(rows[0], expected[0], "missing");
                    } else if (!row.previousHash().equals(previous[0])) {
                        broken[0] = new ChainCheck(rows[0], row.sequence(), "link");
                    } else if (!row.hash().equals(rs.getString("hash"))) {
                        broken[0] = new ChainCheck(rows[0], row.sequence(), "content");
                    }
                    previous[0] = rs.getString("hash");
                    expected[0]++;
                });
        if (broken[0] != null) {
            return broken[0];
        }
        String head = jdbc.sql("select hash from platform.audit_head where id = 1")
                .query(String.class)
                .single();
        if (!head.equals(previous[0])) {
            return new ChainCheck(rows[0], expected[0], "truncated");
        }
        return new ChainCheck(rows[0], null, null);
    }

    /** The fields a row's hash covers, in a fixed order with explicit lengths so no two rows can collide by shifting. */
    record Row(
            long sequence,
            Instant at,
            String actor,
            String role,
            String scope,
            String action,
            String objectType,
            String objectId,
            String summary,
            String address,
            String previousHash) {

        static Row of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Row(
                    rs.getLong("sequence"),
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"),
                    rs.getString("role"),
                    rs.getString("scope"),
                    rs.getString("action"),
                    rs.getString("object_type"),
                    rs.getString("object_id"),
                    rs.getString("summary"),
                    rs.getString("address"),
                    rs.getString("previous_hash"));
        }

        org.gongzhi.platform.AuditSearch.Entry entry() {
            return new org.gongzhi.platform.AuditSearch.Entry(
                    sequence, at, actor, role, scope, action, objectType, objectId, summary, address);
        }

        String hash() {
            StringBuilder canonical = new StringBuilder();
            for (Object field : new Object[] {
                sequence, at, actor, role, scope, action, objectType, objectId, summary, address, previousHash
            }) {
                String text = field == null ? "" : field.toString();
                canonical
                        .append(field == null ? -1 : text.length())
                        .append(':')
                        .append(text)
                        .append('|');
            }
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
