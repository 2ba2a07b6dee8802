package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.appeal.Named;

/** One 督办 as the supervision list shows it. */
public record SupervisionView(
        long id,
        UUID appealId,
        String trackingCode,
        SupervisionKind kind,
        Instant due,
        Instant raisedAt,
        Named handler,
        Named subdistrict) {}
