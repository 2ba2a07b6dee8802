package org.gongzhi.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@PlatformTest
class AuditTrailIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.gongzhi.territory.TerritoryQueries territory;

    /** All three demo 街道: the workbook round trip touches organisations in each. */
    java.util.UUID[] subdistricts() {
        return org.gongzhi.support.DemoUnits.subdistricts(territory);
    }

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transaction;

    long rows() {
        return jdbc.sql("select count(*) from platform.audit_event")
                .query(Long.class)
                .single();
    }

    Map<String, Object> last() {
        return jdbc.sql("select * from platform.audit_event order by sequence desc limit 1")
                .query()
                .singleRow();
    }

    @Test
    void a_change_writes_who_what_and_from_where_in_its_own_transaction() throws Exception {
        var r = mvc.perform(
                        post("/api/v1/organizations")
                                .with(Staff.streetAdmin(subdistricts()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"审计测试自管会\",\"kind\":\"SELF_MANAGEMENT_COMMITTEE\",\"unitCode\":\"110108010005\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(201);
        Map<String, Object> row = last();
        assertThat(row.get("action")).isEqualTo("organization.registered");
        assertThat(row.get("object_type")).isEqualTo("organisation");
        assertThat(row.get("actor")).isEqualTo("street-admin");
        assertThat(row.get("scope")).isEqualTo("units:3,organisations:0");
        assertThat(row.get("role")).isEqualTo("STREET_ADMIN");
        assertThat(row.get("address")).isEqualTo("127.0.0.1");
        assertThat((String) row.get("summary")).contains("\"after\"").contains("审计测试自管会");
    }

    @Test
    void a_refused_change_leaves_no_audit_row() throws Exception {
        long before = rows();
        var r = mvc.perform(post("/api/v1/organizations")
                        .with(Staff.streetAdmin(subdistricts()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"坏代码公司\",\"kind\":\"ENTERPRISE\",\"creditCode\":\"91110108MA00000039\","
                                + "\"unitCode\":\"110108010005\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void recording_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> audit.record(AuditRecord.created("test.none", "test", "1", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void the_database_refuses_to_change_or_remove_a_row() {
        assertThat(rows()).isPositive();
        assertThatThrownBy(() -> jdbc.sql("update platform.audit_event set actor = 'x' where sequence = 1")
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from platform.audit_event where sequence = 1")
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate platform.audit_event").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void flipping_one_byte_of_one_row_is_detected_at_that_row() {
        assertThat(audit.verify().intact()).isTrue();
        long target = jdbc.sql("select max(sequence) / 2 + 1 from platform.audit_event")
                .query(Long.class)
                .single();
        String summary = jdbc.sql("select summary from platform.audit_event where sequence = ?")
                .param(target)
                .query(String.class)
                .single();
        char first = summary.charAt(1);
        String flipped = summary.charAt(0) + String.valueOf((char) (first ^ 1)) + summary.substring(2);
        try {
            tamper(target, flipped);
            AuditTrail.ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenSequence()).isEqualTo(target);
            assertThat(check.problem()).isEqualTo("content");
        } finally {
            tamper(target, summary);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    /** What someone with the owner's rights and no scruples could do: switch off the guard, change a row. */
    void tamper(long sequence, String summary) {
        transaction.executeWithoutResult(s -> {
            jdbc.sql("alter table platform.audit_event disable trigger audit_event_append_only")
                    .update();
            jdbc.sql("update platform.audit_event set summary = ? where sequence = ?")
                    .params(summary, sequence)
                    .update();
            jdbc.sql("alter table platform.audit_event enable trigger audit_event_append_only")
                    .update();
        });
    }

    @Test
    void concurrent_writers_extend_one_unbroken_chain() throws Exception {
        long before = rows();
        var pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                for (int k = 0; k < 25; k++) {
                    int n = k;
                    transaction.executeWithoutResult(s -> audit.recordAll(List.of(
                            AuditRecord.created("test.concurrent", "test", thread + "-" + n, Map.of("k", n)),
                            AuditRecord.created("test.concurrent", "test", thread + "-" + n + "b", Map.of("k", n)))));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(rows()).isEqualTo(before + 200);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void the_csv_export_holds_every_matching_row_however_many() throws Exception {
        int many = 1_234;
        transaction.executeWithoutResult(s -> audit.recordAll(java.util.stream.IntStream.range(0, many)
                .mapToObj(i -> AuditRecord.created("test.bulk-export", "row", String.valueOf(i), Map.of("i", i)))
                .toList()));
        var csv = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/audit/export.csv?action=test.bulk-export")
                        .with(org.gongzhi.support.Staff.as("auditor", org.gongzhi.identity.Role.AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var lines = csv.lines().toList();
        // The header, every row newest first, then a watermark line.
        assertThat(lines).hasSize(many + 2);
        assertThat(lines.get(0)).contains("sequence,at,actor");
        assertThat(lines.get(many + 1)).contains(many + " rows");
        assertThat(lines.get(1)).contains("\"" + (many - 1) + "\"");
        assertThat(lines.get(many)).contains("\"0\"");
    }

    @Test
    void a_date_no_record_can_carry_in_the_audit_filter_is_a_400_not_a_failure() throws Exception {
        for (String path : new String[] {
            "/audit/export.csv?from=-999999999-01-01", "/audit?to=+999999999-12-31", "/audit?from=2026-13-45"
        }) {
            var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                            .with(org.gongzhi.support.Staff.as("auditor", org.gongzhi.identity.Role.AUDITOR)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(400);
        }
    }
}
