package org.gongzhi.appeal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which appeals to list: any of state, category (a 小类 code or a 大类 such as {@code E05}), channel, handling
 * organisation, traffic light and registration dates (inclusive, in the installation's zone); {@code null} means any.
 * {@code mine}: only the work orders of the viewer's own organisations that still need them, most urgent deadline
 * first (the handler's inbox).
 */
public record AppealFilter(
        AppealState state,
        String category,
        Channel channel,
        UUID handlerId,
        TrafficLight light,
        LocalDate from,
        LocalDate to,
        boolean mine) {

    public static AppealFilter any() {
        return new AppealFilter(null, null, null, null, null, null, null, false);
    }
}
