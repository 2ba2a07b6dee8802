package org.gongzhi.dispatch;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.appeal.AppealId;

/** 80 % of a resolution limit used (the light turns yellow): the handling unit is told it is due soon. */
public record DeadlineApproaching(AppealId appeal, Instant due, UUID handlerId) {}
