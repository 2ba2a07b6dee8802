package org.gongzhi.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import org.gongzhi.shared.WorkCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The work calendar every clock reads: the stored and published years, office hours from configuration. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    @ConditionalOnMissingBean(WorkCalendars.class)
    CalendarYears workCalendars(
            JdbcClient jdbc,
            Permissions may,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock,
            @Value("${gongzhi.calendar.office-hours.opens:09:00}") LocalTime opens,
            @Value("${gongzhi.calendar.office-hours.closes:17:00}") LocalTime closes,
            @Value("${gongzhi.calendar.revision-check:PT60S}") Duration checkEvery) {
        return new CalendarYears(
                jdbc, may, audit, actors, clock, new WorkCalendar.OfficeHours(opens, closes), checkEvery);
    }
}
