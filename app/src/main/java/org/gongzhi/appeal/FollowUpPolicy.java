package org.gongzhi.appeal;

import java.time.Instant;
import org.gongzhi.shared.TimeLimit;

/**
 * How 回访 runs in this installation (《北京市接诉即办工作条例》 Art 23; DOMAIN.md §4): the reporter may answer for {@code
 * answerWithin} after the 答复 (on the work calendar; default 3 working days), after which the round is recorded as not
 * answered; an answer of 未解决 or 不满意 leads to {@code whenUnresolved} (default {@link UnresolvedFollowUp#VERIFY}).
 * {@code version} is what an edit names as the one it read.
 */
public record FollowUpPolicy(
        TimeLimit answerWithin, UnresolvedFollowUp whenUnresolved, Instant updatedAt, String updatedBy, long version) {}
