package org.gongzhi.indicator;

import java.time.Clock;
import org.gongzhi.appeal.AppealEvent;
import org.gongzhi.appeal.AppealStatistics;
import org.gongzhi.indicator.domain.FactStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each appeal's row of facts current: after every appeal event commits, the appeal's facts are read again
 * through {@link AppealStatistics} and written whole. Reading rather than applying the event makes the row right
 * however often and in whatever order events arrive (a row never goes back to an older version), and the event
 * publication registry retries a listener that failed.
 */
@Component
class FactFeed {

    private final AppealStatistics statistics;
    private final FactStore store;
    private final Clock clock;

    FactFeed(AppealStatistics statistics, FactStore store, Clock clock) {
        this.statistics = statistics;
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppealEvent event) {
        statistics.fact(event.appeal()).ifPresent(f -> store.put(f, clock.instant()));
    }
}
