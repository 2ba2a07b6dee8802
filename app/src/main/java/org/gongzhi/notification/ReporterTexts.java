package org.gongzhi.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.appeal.AppealEvent;
import org.gongzhi.appeal.AppealId;
import org.gongzhi.appeal.AppealQueries;
import org.gongzhi.appeal.Closure;
import org.gongzhi.appeal.FollowUps;
import org.gongzhi.identity.SmsSender;
import org.gongzhi.notification.domain.NoticeStore;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Texts the reporter (a mobile number only; landlines and anonymous appeals without a number get none): the tracking
 * code when the appeal is registered, the original's code when it is linked as a repeat, and a word when it — or the
 * original it repeats — is answered. One text per appeal and kind, recorded before it
 * is sent in the same transaction; the audit trail records that it went, never the number.
 */
@Component
class ReporterTexts {

    private final NoticeStore store;
    private final AppealQueries appeals;
    private final SmsSender sms;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final FollowUps followUps;
    private final TransactionTemplate separately;

    ReporterTexts(
            NoticeStore store,
            AppealQueries appeals,
            SmsSender sms,
            MessageSource messages,
            AuditTrail audit,
            Clock clock,
            FollowUps followUps,
            PlatformTransactionManager transactions) {
        this.followUps = followUps;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = store;
        this.appeals = appeals;
        this.sms = sms;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppealEvent.Registered e) {
        text(e.appeal(), "registered");
    }

    /** The answer goes to the reporters of the repeats too: their matter was handled as this one. */
    @ApplicationModuleListener
    void on(AppealEvent.Answered e) {
        answered(e.appeal(), true);
    }

    /**
     * An original closed at intake (咨询即答, 告知法定途径) answered its own reporter on the spot; its repeats' reporters
     * are texted.
     */
    @ApplicationModuleListener
    void on(AppealEvent.Closed e) {
        if (e.closure() == Closure.ANSWERED_AT_INTAKE || e.closure() == Closure.LEGAL_ROUTE) {
            answered(e.appeal(), false);
        }
    }

    /**
     * Texts the answer to the original's reporter (when {@code toOriginal}) and to its repeats' reporters: each number
     * once, however many of the appeals it reported, and each text in a transaction of its own, so a failure part-way
     * leaves those sent recorded and a retry sends only the rest.
     */
    private void answered(AppealId original, boolean toOriginal) {
        Set<PhoneNumber> told = new HashSet<>();
        List<AppealId> all = new ArrayList<>();
        all.add(original);
        all.addAll(appeals.repeatsOf(original));
        for (AppealId appeal : all) {
            var mobile = appeals.reporterMobile(appeal);
            if (mobile.isEmpty() || !told.add(mobile.get()) || (appeal.equals(original) && !toOriginal)) {
                continue;
            }
            if (appeal.equals(original)) {
                // The original's reporter rates the answer (回访) through the link.
                separately.executeWithoutResult(status -> text(
                        appeal, "answered", followUps.link(appeals.clock(appeal).trackingCode())));
            } else {
                separately.executeWithoutResult(status -> text(appeal, "answered-repeat"));
            }
        }
    }

    /** A repeat's reporter learns that their matter is handled with the original, and under which code. */
    @ApplicationModuleListener
    void on(AppealEvent.LinkedAsRepeat e) {
        text(e.appeal(), "linked", appeals.clock(e.original()).trackingCode());
    }

    private void text(AppealId appeal, String kind, Object... more) {
        appeals.reporterMobile(appeal).ifPresent(mobile -> {
            if (!store.firstText(appeal.value(), kind, Instant.now(clock))) {
                return;
            }
            String code = appeals.clock(appeal).trackingCode();
            sms.send(
                    mobile,
                    messages.getMessage(
                            "notification.text." + kind,
                            java.util.stream.Stream.concat(
                                            java.util.stream.Stream.of(code), java.util.Arrays.stream(more))
                                    .toArray(),
                            java.util.Locale.SIMPLIFIED_CHINESE));
            audit.record(
                    AuditRecord.created("notification.text.sent", "appeal", appeal.toString(), Map.of("kind", kind)));
        });
    }
}
