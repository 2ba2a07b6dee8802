package org.gongzhi.appeal;

import java.time.Instant;
import java.util.UUID;

/**
 * What the indicators need to know about one appeal (DOMAIN.md §4, Indicators), as it stands now: where it lies, who
 * leads it, its clocks and the moments they were kept or missed, and the reporter's latest answer at 回访. Ids, codes,
 * times and counts only — never the reporter or any free text.
 *
 * <p>{@code communityId} and {@code gridId} are the 社区 and 网格 it lies in (null when registered above them);
 * {@code handlerId} the lead handling unit (首接负责, Art 14) of the last dispatch. {@code reworks} counts 返工 (sent back, or a failed 核查),
 * {@code extensions} approved 延期, {@code suspensions} 挂账. {@code reached}, {@code resolved} and {@code satisfaction}
 * come from the latest 回访 round in which the reporter was reached ({@code reached} null: no 回访 recorded yet; false:
 * recorded, reporter never reached). {@code version} is the appeal's version: a later one supersedes an earlier one.
 */
public record AppealFact(
        AppealId appeal,
        Instant registeredAt,
        Channel channel,
        AppealType type,
        String categoryCode,
        UUID subdistrictId,
        UUID communityId,
        UUID gridId,
        UUID handlerId,
        AppealState state,
        Closure closure,
        int dispatchCount,
        Instant dispatchedAt,
        Instant responseDue,
        Instant respondedAt,
        Instant resolutionDue,
        Instant answeredAt,
        Instant closedAt,
        Instant yellowFrom,
        Instant redAfter,
        int reworks,
        int extensions,
        int suspensions,
        Boolean reached,
        Boolean resolved,
        Satisfaction satisfaction,
        Instant followedUpAt,
        boolean synthetic,
        long version) {}
