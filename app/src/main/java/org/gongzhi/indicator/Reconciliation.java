package org.gongzhi.indicator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongzhi.appeal.AppealFact;
import org.gongzhi.appeal.AppealStatistics;
import org.gongzhi.indicator.domain.FactStore;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly check of the event-fed facts against the appeal module (docs/indicators.md): every appeal's facts are
 * read through {@link AppealStatistics} in id order, a page at a time, and each row that is missing or says anything
 * else is written again; rows of appeals the appeal module no longer knows are removed. What an event listener missed
 * (a crash past the registry's retries, rows written in bulk outside the platform) is right by morning. One node runs
 * it (ShedLock); the count of rows corrected is logged and audited, so a correction that should not have been needed
 * is seen.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int PAGE = 2_000;

    private final AppealStatistics statistics;
    private final FactStore store;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Permissions may;
    private final Clock clock;

    Reconciliation(
            AppealStatistics statistics,
            FactStore store,
            TransactionTemplate transaction,
            AuditTrail audit,
            Permissions may,
            Clock clock) {
        this.statistics = statistics;
        this.store = store;
        this.transaction = transaction;
        this.audit = audit;
        this.may = may;
        this.clock = clock;
    }

    /** How many appeals were read, and how many rows were added, corrected or removed. */
    public record Reconciled(long appeals, long corrected, long removed, long millis) {}

    @Scheduled(cron = "${gongzhi.indicator.reconcile-cron:0 15 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "indicator-reconcile", lockAtMostFor = "PT2H")
    public void nightly() {
        run();
    }

    /**
     * On start-up, an installation whose appeals predate the indicators (or whose facts were lost) has no facts at
     * all, and one upgraded from before the roll-up has facts but no roll-up: either is filled at once, in the
     * background, rather than on the first night.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void backfillIfEmpty() {
        Runnable work;
        if (store.empty() && !statistics.facts(null, 1).isEmpty()) {
            work = () -> run(true);
        } else if (store.rollUpEmpty() && !store.empty()) {
            work = () -> transaction.executeWithoutResult(status -> store.rebuild());
        } else {
            return;
        }
        // Idempotent, so two nodes starting together only do the work twice.
        Thread backfill = new Thread(work, "indicator-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Reconciles now, for a system administrator (403 {@code identity.forbidden} otherwise). */
    public Reconciled now() {
        may.require(IndicatorPermission.EDIT_SETTINGS);
        return run();
    }

    Reconciled run() {
        return run(false);
    }

    /** {@code filling}: the start-up backfill, whose rows are all new (not corrections to report). */
    private Reconciled run(boolean filling) {
        Instant started = clock.instant();
        long appeals = 0;
        long corrected = 0;
        long removed = 0;
        UUID after = null;
        while (true) {
            List<AppealFact> page = statistics.facts(after, PAGE);
            UUID from = after;
            // The last page's range runs to the end, so rows past the last appeal go too.
            UUID to = page.size() < PAGE
                    ? null
                    : page.get(page.size() - 1).appeal().value();
            List<UUID> known = page.stream().map(f -> f.appeal().value()).toList();
            int[] done = transaction.execute(
                    status -> new int[] {store.reconcile(page, clock.instant()), store.removeMissing(from, to, known)});
            corrected += done[0];
            removed += done[1];
            appeals += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = to;
        }
        // The roll-up added up again from the facts as they now are.
        transaction.executeWithoutResult(status -> store.rebuild());
        long millis = java.time.Duration.between(started, clock.instant()).toMillis();
        Reconciled result = new Reconciled(appeals, corrected, removed, millis);
        if (filling) {
            log.info("Indicator facts filled at start-up: {} appeals in {} ms", appeals, millis);
        } else if (corrected > 0 || removed > 0) {
            log.warn(
                    "Indicator facts reconciled: {} appeals read, {} rows corrected, {} removed",
                    appeals,
                    corrected,
                    removed);
        } else {
            log.info("Indicator facts reconciled: {} appeals read, all rows right", appeals);
        }
        Map<String, Object> summary = Map.of("appeals", appeals, "corrected", corrected, "removed", removed);
        transaction.executeWithoutResult(status ->
                audit.record(AuditRecord.created("indicator.facts.reconciled", "indicator-facts", null, summary)));
        return result;
    }
}
