package org.gongzhi.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice of a staff inbox: its kind, the appeal it is about (by tracking code and id) or the whistle ({@code
 * whistleId}; the appeal fields null then), when it came and whether the reader has read it. For a deadline notice (due soon, overdue, escalation) also which deadline — {@code RESPONSE}
 * (签收 and contact), {@code RESOLUTION} (the answer) or {@code REPORT_BY} (a whistle's 报到) — and when it was or is
 * due; both null otherwise.
 */
public record Notice(
        long id,
        NoticeKind kind,
        UUID appealId,
        String trackingCode,
        UUID whistleId,
        Instant at,
        boolean read,
        String deadline,
        Instant due) {}
