package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.gongzhi.identity.Role;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The system administrator enters a year's holidays; the clocks use it at once; bad lines change nothing. */
@PlatformTest
class CalendarIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkCalendars calendars;

    MockHttpServletResponse enter(RequestPostProcessor who, String year, String holidays, String workdays, String v)
            throws Exception {
        return mvc.perform(post("/settings/calendar")
                        .with(who)
                        .accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("year", year)
                        .param("holidays", holidays)
                        .param("workdays", workdays)
                        .param("source", "测试用年份")
                        .param("version", v))
                .andReturn()
                .getResponse();
    }

    long stored() {
        return jdbc.sql("select count(*) from platform.calendar_year")
                .query(Long.class)
                .single();
    }

    @Test
    void the_page_says_plainly_that_a_year_not_entered_has_weekends_off_only() throws Exception {
        var page = mvc.perform(get("/settings/calendar").with(Staff.sysAdmin()).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("随平台发布").contains("2026");
        if (!calendars.calendar().entered(LocalDate.now().getYear() + 1)) {
            assertThat(page.getContentAsString()).contains("未录入：只按周末休息计算");
        }
        var street = mvc.perform(get("/settings/calendar")
                        .with(Staff.as("street", Role.STREET_ADMIN))
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        assertThat(street.getStatus()).isEqualTo(403);
    }

    @Test
    void an_entered_year_moves_the_clocks_and_bad_lines_are_named_and_change_nothing() throws Exception {
        long before = stored();
        // 2099-01-01 is a Thursday; 2099-01-03 a Saturday.
        var bad = enter(Staff.sysAdmin(), "2099", "2099-01-01\n2098-12-31\n不是日期", "2099-01-05", "0");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString())
                .contains("“2098-12-31”不是 2099 年内的日期或日期段")
                .contains("“不是日期”不是 2099 年内的日期或日期段")
                .contains("2099-01-05 不是周六或周日");
        assertThat(stored()).isEqualTo(before);
        assertThat(calendars.calendar().isWorkingDay(LocalDate.parse("2099-01-01")))
                .isTrue();

        var ok = enter(Staff.sysAdmin(), "2099", "2099-01-01…2099-01-02", "2099-01-03", "0");
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(302);
        assertThat(calendars.calendar().entered(2099)).isTrue();
        assertThat(calendars.calendar().isWorkingDay(LocalDate.parse("2099-01-02")))
                .isFalse();
        assertThat(calendars.calendar().isWorkingDay(LocalDate.parse("2099-01-03")))
                .isTrue();
        // 1 工作日 from the Wednesday before: Thursday and Friday are holidays, Saturday is worked.
        assertThat(calendars
                        .calendar()
                        .plusWorkingDays(LocalDate.parse("2098-12-31").plusDays(1), 0))
                .isEqualTo(LocalDate.parse("2099-01-03"));

        var stale = enter(Staff.sysAdmin(), "2099", "2099-01-01", "", "0");
        assertThat(stale.getStatus()).isEqualTo(409);
        var again = enter(Staff.sysAdmin(), "2099", "2099-01-01", "", "1");
        assertThat(again.getStatus()).isEqualTo(302);
        assertThat(calendars.calendar().isWorkingDay(LocalDate.parse("2099-01-02")))
                .isTrue();
        assertThat(enter(Staff.as("street", Role.STREET_ADMIN), "2099", "2099-01-01", "", "2")
                        .getStatus())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from platform.audit_event where action = 'platform.calendar.entered'"
                                + " and object_id = '2099'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
