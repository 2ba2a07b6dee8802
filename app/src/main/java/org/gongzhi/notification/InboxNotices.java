package org.gongzhi.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.appeal.AppealEvent;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.dispatch.DeadlineApproaching;
import org.gongzhi.dispatch.SupervisionRaised;
import org.gongzhi.notification.domain.NoticeStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into inbox notices, after the change that caused them committed (each listener runs once per event and
 * is retried from the event publication registry after a crash; a notice is added once however often it runs).
 */
@Component
class InboxNotices {

    private final NoticeStore store;
    private final AppealQueries appeals;
    private final Clock clock;

    InboxNotices(NoticeStore store, AppealQueries appeals, Clock clock) {
        this.store = store;
        this.appeals = appeals;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppealEvent.Dispatched e) {
        String code = code(e.appeal());
        String ref = "dispatch:" + e.at().toEpochMilli();
        store.add(NoticeKind.NEW_WORK_ORDER, e.appeal().value(), code, e.handlerId(), null, ref, now());
        for (UUID co : e.coHandlerIds()) {
            store.add(NoticeKind.CO_HANDLING, e.appeal().value(), code, co, null, ref, now());
        }
    }

    @ApplicationModuleListener
    void on(AppealEvent.Objected e) {
        if (e.handlerId() != null) {
            UUID street = appeals.clock(e.appeal()).subdistrictId();
            if (street != null) {
                store.add(
                        NoticeKind.OBJECTION,
                        e.appeal().value(),
                        code(e.appeal()),
                        null,
                        street,
                        "objection:" + e.at().toEpochMilli(),
                        now());
            }
        }
    }

    @ApplicationModuleListener
    void on(DeadlineApproaching e) {
        if (e.handlerId() != null) {
            store.add(
                    NoticeKind.DUE_SOON,
                    e.appeal().value(),
                    code(e.appeal()),
                    e.handlerId(),
                    null,
                    "due:" + e.due().getEpochSecond(),
                    now());
        }
    }

    @ApplicationModuleListener
    void on(SupervisionRaised e) {
        String code = code(e.appeal());
        String ref = e.kind().name() + ":" + e.due().getEpochSecond();
        if (e.handlerId() != null) {
            store.add(NoticeKind.OVERDUE, e.appeal().value(), code, e.handlerId(), null, ref, now());
        }
        if (e.supervisorId() != null) {
            store.add(NoticeKind.ESCALATION, e.appeal().value(), code, e.supervisorId(), null, ref, now());
        }
        if (e.subdistrictId() != null) {
            store.add(NoticeKind.ESCALATION, e.appeal().value(), code, null, e.subdistrictId(), ref, now());
        }
    }

    private String code(AppealId appeal) {
        return appeals.clock(appeal).trackingCode();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
