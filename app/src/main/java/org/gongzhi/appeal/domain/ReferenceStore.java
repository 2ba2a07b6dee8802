package org.gongzhi.appeal.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.appeal.AppealReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code appeal.reference}. */
@Component
public class ReferenceStore {

    private final JdbcClient jdbc;

    ReferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the reference; false when the appeal already had it. */
    public boolean add(UUID appeal, String kind, String target, String label, Instant at, String by) {
        return jdbc.sql("insert into appeal.reference (appeal_id, kind, target, label, recorded_at, recorded_by) values"
                                + " (?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(appeal, kind, target, label, Timestamp.from(at), by)
                        .update()
                == 1;
    }

    public List<AppealReference> of(UUID appeal) {
        return jdbc.sql("select kind, target, label, recorded_at, recorded_by from appeal.reference where appeal_id = ?"
                        + " order by recorded_at")
                .param(appeal)
                .query((rs, n) -> new AppealReference(
                        rs.getString("kind"),
                        rs.getString("target"),
                        rs.getString("label"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by")))
                .list();
    }
}
