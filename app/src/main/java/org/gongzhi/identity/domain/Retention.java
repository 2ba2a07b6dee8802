package org.gongzhi.identity.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps personal data no longer than needed (个人信息保护法 Art 19), per class and configurable: a resident who has not
 * signed in for {@code resident-inactive} loses the stored number (the de-identified row stays, so records that point
 * at it still make sense); one-time codes go after {@code one-time-codes}. Runs nightly on one node; each run is
 * audited with counts only.
 */
@Component
public class Retention {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration residentInactive;
    private final Duration oneTimeCodes;

    Retention(
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock,
            @Value("${gongzhi.retention.resident-inactive:P730D}") Duration residentInactive,
            @Value("${gongzhi.retention.one-time-codes:P1D}") Duration oneTimeCodes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.residentInactive = residentInactive;
        this.oneTimeCodes = oneTimeCodes;
    }

    public record Erased(int residents, int codes) {}

    @Scheduled(cron = "${gongzhi.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "identity-retention")
    public void nightly() {
        eraseExpired();
    }

    @Transactional
    public Erased eraseExpired() {
        Instant now = clock.instant();
        int residents = jdbc.sql("update identity.resident set phone_cipher = null, phone_hash = null, erased_at = ?"
                        + " where erased_at is null and coalesce(last_signed_in_at, created_at) < ?")
                .params(Timestamp.from(now), Timestamp.from(now.minus(residentInactive)))
                .update();
        int codes = jdbc.sql("delete from identity.one_time_code where requested_at < ?")
                .param(Timestamp.from(now.minus(oneTimeCodes)))
                .update();
        audit.record(AuditRecord.created(
                "personal-data.erased",
                "retention",
                null,
                Map.of(
                        "residents",
                        residents,
                        "oneTimeCodes",
                        codes,
                        "residentInactive",
                        residentInactive.toString())));
        return new Erased(residents, codes);
    }
}
