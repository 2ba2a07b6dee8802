package org.gongzhi.dispatch.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.dispatch.SupervisionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code dispatch.supervision}: one per appeal, deadline kind and deadline. */
@Component
public class SupervisionStore {

    private final JdbcClient jdbc;

    SupervisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a 督办 unless this one was recorded already; returns its id if it is new. */
    public Optional<Long> raise(
            UUID appeal,
            String trackingCode,
            SupervisionKind kind,
            Instant due,
            Instant at,
            UUID handler,
            UUID subdistrict) {
        return jdbc.sql("insert into dispatch.supervision (appeal_id, tracking_code, kind, due, raised_at, handler_id,"
                        + " subdistrict_id) values (:appeal, :code, :kind, :due, :at, :handler, :subdistrict)"
                        + " on conflict (appeal_id, kind, due) do nothing returning id")
                .param("appeal", appeal)
                .param("code", trackingCode)
                .param("kind", kind.name())
                .param("due", Timestamp.from(due))
                .param("at", Timestamp.from(at))
                .param("handler", handler)
                .param("subdistrict", subdistrict)
                .query(Long.class)
                .optional();
    }
}
