package org.gongzhi.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A department's 报到 against the whistle's report-by time, at its exact boundary. */
class ReportStatusTests {

    static final Instant DUE = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void arriving_at_the_report_by_instant_is_in_time_and_a_microsecond_later_is_late() {
        Instant now = DUE.plusSeconds(3600);
        assertThat(SummonsView.status(null, DUE, DUE, now)).isEqualTo(ReportStatus.ARRIVED_ON_TIME);
        assertThat(SummonsView.status(DUE.minusSeconds(60), DUE.plusNanos(1000), DUE, now))
                .isEqualTo(ReportStatus.ARRIVED_LATE);
    }

    @Test
    void a_department_not_on_site_is_overdue_only_once_the_report_by_time_has_passed() {
        Instant acknowledged = DUE.minusSeconds(600);
        assertThat(SummonsView.status(null, null, DUE, DUE)).isEqualTo(ReportStatus.SUMMONED);
        assertThat(SummonsView.status(acknowledged, null, DUE, DUE)).isEqualTo(ReportStatus.ACKNOWLEDGED);
        assertThat(SummonsView.status(acknowledged, null, DUE, DUE.plusNanos(1000)))
                .isEqualTo(ReportStatus.OVERDUE);
        assertThat(SummonsView.status(null, null, DUE, DUE.plusNanos(1000))).isEqualTo(ReportStatus.OVERDUE);
    }
}
