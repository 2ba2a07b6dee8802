package org.gongzhi.platform;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.gongzhi.shared.PublishedHolidays;
import org.gongzhi.shared.WorkCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The work calendar every clock reads: the published years, office hours from configuration. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkCalendars workCalendars(
            Clock clock,
            @Value("${gongzhi.calendar.office-hours.opens:09:00}") LocalTime opens,
            @Value("${gongzhi.calendar.office-hours.closes:17:00}") LocalTime closes) {
        WorkCalendar calendar = new WorkCalendar(PublishedHolidays.years());
        WorkCalendar.OfficeHours hours = new WorkCalendar.OfficeHours(opens, closes);
        ZoneId zone = clock.getZone();
        return new WorkCalendars() {
            @Override
            public WorkCalendar calendar() {
                return calendar;
            }

            @Override
            public WorkCalendar.OfficeHours officeHours() {
                return hours;
            }

            @Override
            public ZoneId zone() {
                return zone;
            }
        };
    }
}
