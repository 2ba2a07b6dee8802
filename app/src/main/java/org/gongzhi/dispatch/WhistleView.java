package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A whistle as staff see it: where it was blown ({@code unitName}, a 街道 or 社区, in 街道 {@code subdistrictId}), the
 * appeal it is about (or none), the matter, the case, the report-by time, who blew it when, and each summoned
 * department's 报到. {@code version} is what closing it names as read.
 */
public record WhistleView(
        WhistleId id,
        UUID unitId,
        String unitName,
        UUID subdistrictId,
        UUID appealId,
        String trackingCode,
        String matter,
        String address,
        WhistleCase whistleCase,
        Instant reportBy,
        Instant blownAt,
        String blownBy,
        boolean open,
        WhistleOutcome outcome,
        String outcomeNote,
        Instant closedAt,
        List<SummonsView> summons,
        long version) {

    /** How many summoned departments failed the report-by time. */
    public long lateCount() {
        return summons.stream().filter(SummonsView::late).count();
    }
}
