package org.gongzhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.gongzhi.identity.domain.Retention;
import org.gongzhi.support.PlatformTest;
import org.gongzhi.support.TestClock;
import org.gongzhi.support.TestSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Personal data is erased when its retention period ends; the de-identified record stays. */
@PlatformTest
class RetentionIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    String signInResident() throws Exception {
        String phone = "135" + String.format("%08d", new java.util.Random().nextInt(100_000_000));
        mvc.perform(post("/resident/code").with(csrf()).param("phone", phone));
        mvc.perform(post("/resident/login").with(csrf()).param("phone", phone).param("code", TestSms.lastCode(phone)));
        return phone;
    }

    long residentsWithNumbers() {
        return jdbc.sql("select count(*) from identity.resident where phone_cipher is not null")
                .query(Long.class)
                .single();
    }

    @Test
    void a_resident_inactive_for_two_years_loses_the_number_but_keeps_the_record() throws Exception {
        signInResident();
        long residents = jdbc.sql("select count(*) from identity.resident")
                .query(Long.class)
                .single();
        assertThat(residentsWithNumbers()).isPositive();

        TestClock.advance(Duration.ofDays(730).minusMinutes(1));
        retention.eraseExpired();
        assertThat(residentsWithNumbers()).as("a minute before two years").isPositive();
        assertThat(jdbc.sql("select count(*) from identity.one_time_code")
                        .query(Long.class)
                        .single())
                .as("codes older than a day")
                .isZero();

        TestClock.advance(Duration.ofMinutes(2));
        var erased = retention.eraseExpired();
        assertThat(erased.residents()).isPositive();
        assertThat(residentsWithNumbers()).isZero();
        assertThat(jdbc.sql("select count(*) from identity.resident")
                        .query(Long.class)
                        .single())
                .isEqualTo(residents);
        assertThat(jdbc.sql("select count(*) from identity.resident where erased_at is not null and phone_hash is null")
                        .query(Long.class)
                        .single())
                .isEqualTo(residents);
        String summary = jdbc.sql("select summary from platform.audit_event where action = 'personal-data.erased'"
                        + " order by sequence desc limit 1")
                .query(String.class)
                .single();
        assertThat(summary).contains("\"residents\":" + erased.residents());
    }
}
