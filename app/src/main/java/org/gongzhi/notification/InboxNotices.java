package org.gongzhi.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.appeal.AppealEvent;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.dispatch.DeadlineApproaching;
import org.gongzhi.dispatch.SupervisionRaised;
import org.gongzhi.dispatch.WhistleEvent;
import org.gongzhi.notification.domain.NoticeStore;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganisationView;
import org.gongzhi.organization.OrganizationQueries;
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
    private final OrganizationQueries organisations;
    private final Clock clock;

    InboxNotices(NoticeStore store, AppealQueries appeals, OrganizationQueries organisations, Clock clock) {
        this.store = store;
        this.appeals = appeals;
        this.organisations = organisations;
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

    /** 吹哨: each summoned department is told, with the report-by time. */
    @ApplicationModuleListener
    void on(WhistleEvent.Blown e) {
        String ref = "report-by:" + e.reportBy().getEpochSecond();
        for (UUID department : e.departmentIds()) {
            store.addAboutWhistle(NoticeKind.SUMMONED, e.whistle().value(), department, null, ref, now());
        }
    }

    /** Not on site by the report-by time: the department itself, its supervising body and the street are told. */
    @ApplicationModuleListener
    void on(WhistleEvent.ReportOverdue e) {
        String ref = "report-by:" + e.reportBy().getEpochSecond() + ":" + e.departmentId();
        store.addAboutWhistle(NoticeKind.REPORT_OVERDUE, e.whistle().value(), e.departmentId(), null, ref, now());
        organisations
                .organisation(new OrganisationId(e.departmentId()))
                .map(OrganisationView::parentId)
                .ifPresent(parent -> store.addAboutWhistle(
                        NoticeKind.REPORT_OVERDUE, e.whistle().value(), parent.value(), null, ref, now()));
        if (e.subdistrictId() != null) {
            store.addAboutWhistle(NoticeKind.REPORT_OVERDUE, e.whistle().value(), null, e.subdistrictId(), ref, now());
        }
    }

    private String code(AppealId appeal) {
        return appeals.clock(appeal).trackingCode();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
