package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 吹哨: the 街道 or 社区 {@code unitId} summons {@code departmentIds} (1–10 departments or utilities of the register) to
 * {@code matter} (≤ 500 characters) in {@code whistleCase}, to report by {@code reportBy} (after now, within 30 days).
 * {@code trackingCode}: the appeal it is about, or null for a standalone matter.
 */
public record BlowWhistle(
        UUID unitId,
        String trackingCode,
        String matter,
        String address,
        WhistleCase whistleCase,
        Instant reportBy,
        List<UUID> departmentIds) {}
