package org.gongzhi.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.appeal.domain.Appeal;
import org.gongzhi.appeal.domain.AppealStore;
import org.gongzhi.appeal.domain.TrackingCodes;
import org.gongzhi.identity.PhoneCodes;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PhoneNumber;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.TimeLimit;
import org.gongzhi.shared.Violation;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 回访 by the reporter (《北京市接诉即办工作条例》 Art 23; DOMAIN.md §4): once an appeal is answered, its reporter rates the
 * answer — 已解决/未解决 and 满意/基本满意/不满意, with a comment — through the link in the text that told them of it,
 * after proving their number with a code sent to it, or from their own resident account. One answer per answer given
 * (the database refuses a second: 409 {@code appeal.follow-up.recorded}); a round nobody answers in time is recorded
 * as not answered ({@link FollowUpSource#NO_ANSWER}). Operators enter phone answers through {@link
 * AppealManagement#followUp}.
 */
@Service
public class FollowUps {

    /** The actor a reporter's answer through the link is recorded by (the timeline shows it as 诉求人). */
    public static final String REPORTER = "reporter";

    /** How long a proven number may take to send its answer. */
    static final Duration PROOF_LIFETIME = Duration.ofMinutes(30);

    /**
     * An appeal whose 回访 is open, as the page shows it before the number is proven: the tracking code, the reporter's
     * number masked ({@code 138****8000}) and when the round closes. {@code byText} false when the appeal has no mobile
     * number: then only an operator's call can record the answer.
     */
    public record Invitation(String trackingCode, String maskedPhone, Instant due, boolean byText) {}

    /**
     * That the holder of the reporter's number proved it for answer {@code round} of an appeal at {@code at}. Kept on
     * the server (the web session), never sent to the client.
     */
    public record Proof(UUID appeal, String trackingCode, int round, Instant at) implements java.io.Serializable {}

    /** The reporter's answer: whether it is resolved, how satisfied they are (both required) and a comment. */
    public record Answer(Boolean resolved, Satisfaction satisfaction, String comment) {}

    private final AppealManagement management;
    private final AppealQueries queries;
    private final AppealStore store;
    private final PhoneCodes codes;
    private final ActorResolver actors;
    private final Permissions may;
    private final AuditTrail audit;
    private final org.gongzhi.platform.PersonalDataCipher cipher;
    private final FollowUpSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FollowUps(
            AppealManagement management,
            AppealQueries queries,
            AppealStore store,
            PhoneCodes codes,
            ActorResolver actors,
            Permissions may,
            AuditTrail audit,
            org.gongzhi.platform.PersonalDataCipher cipher,
            FollowUpSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.may = may;
        this.audit = audit;
        this.cipher = cipher;
        this.settings = settings;
        this.management = management;
        this.queries = queries;
        this.store = store;
        this.codes = codes;
        this.actors = actors;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The address of the page where the reporter of {@code trackingCode} rates the answer, as the text that tells them
     * of it carries it: the tracking code and a key derived from it with the platform's secret, so that knowing a
     * tracking code alone (it is on the open record) does not let anyone send codes to the reporter's phone.
     */
    public String link(String trackingCode) {
        return settings.publicUrl() + "/track/" + trackingCode + "/follow-up?k=" + key(trackingCode);
    }

    /** The link's key for {@code trackingCode} (16 hex characters). */
    public String key(String trackingCode) {
        return cipher.lookupHash("follow-up-link", TrackingCodes.normalise(trackingCode))
                .substring(0, 16);
    }

    /** Whether {@code key} is the link's key for {@code trackingCode} (compared in constant time). */
    public boolean keyMatches(String trackingCode, String key) {
        if (trackingCode == null || key == null || trackingCode.length() > 20) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                key(trackingCode).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                key.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * The appeal with this tracking code when the link's {@code key} is right and its 回访 is open; empty otherwise (an
     * unknown code, a wrong key, no 回访 awaited).
     */
    public Optional<Invitation> invitation(String trackingCode, String key) {
        return (keyMatches(trackingCode, key) ? open(trackingCode) : Optional.<Appeal>empty()).map(a -> {
            var mobile = queries.mobileOf(a);
            return new Invitation(
                    a.trackingCode(),
                    mobile.map(PhoneNumber::masked).orElse(null),
                    a.rounds().followUpDue(),
                    mobile.isPresent());
        });
    }

    /**
     * Sends a code to the reporter's mobile so they can rate the answer; limited as every code is ({@link PhoneCodes}).
     * 404 {@code appeal.follow-up.not-open} when the link's {@code key} is wrong, or the appeal has no open 回访 or no
     * mobile number.
     */
    public PhoneCodes.CodeRequest sendCode(String trackingCode, String key, String address) {
        Appeal a = linked(trackingCode, key);
        PhoneNumber mobile = queries.mobileOf(a).orElseThrow(FollowUps::notOpen);
        return codes.send(mobile, PhoneCodes.Purpose.FOLLOW_UP, address);
    }

    /**
     * Checks the code the reporter typed: right, it is used up and the proof returned; wrong, expired, used or tried
     * five times, 400 {@code appeal.follow-up.code-wrong} on {@code code} (the try counts). 404 {@code
     * appeal.follow-up.not-open} when the link's {@code key} is wrong or there is nothing to rate.
     */
    public Proof prove(String trackingCode, String key, String code) {
        Appeal a = linked(trackingCode, key);
        PhoneNumber mobile = queries.mobileOf(a).orElseThrow(FollowUps::notOpen);
        String typed = code == null ? "" : Text.digits(code);
        if (!typed.matches("[0-9]{6}")) {
            // Not a code at all: said at once, and not counted as one of the five tries.
            throw DomainException.invalid(java.util.List.of(Violation.of("code", "identity.code.format")));
        }
        // In its own transaction, committed whatever follows: a wrong try must count.
        if (codes.use(mobile, PhoneCodes.Purpose.FOLLOW_UP, typed).isEmpty()) {
            throw DomainException.invalid(java.util.List.of(Violation.of("code", "appeal.follow-up.code-wrong")));
        }
        return new Proof(a.id(), a.trackingCode(), a.rounds().answered(), clock.instant());
    }

    /**
     * The appeal as its reporter follows it, for a proof still good: 403 {@code appeal.follow-up.proof-expired} after
     * 30 minutes, 409 {@code appeal.follow-up.recorded} once the round was answered (by anyone).
     */
    public TrackedAppeal proven(Proof proof) {
        return queries.tracked(current(proof));
    }

    /**
     * Records the reporter's answer with a proof ({@link FollowUpSource#TRACKING_LINK}); 400 naming {@code resolved} or
     * {@code satisfaction} when missing, {@code comment} over 2,000 characters; 409 {@code appeal.follow-up.recorded}
     * when the round was answered already — also when the same answer is sent twice at once.
     */
    public void answer(Proof proof, Answer answer) {
        String comment = comment(answer);
        transaction.executeWithoutResult(status -> {
            Appeal a = current(proof);
            Actor current = actors.current();
            once(() -> management.followUp(
                    a,
                    FollowUpSource.TRACKING_LINK,
                    true,
                    answer.resolved(),
                    answer.satisfaction(),
                    comment,
                    new Actor(REPORTER, "REPORTER", "-", current.address())));
        });
    }

    /**
     * Records the answer of a resident signed in with the appeal's own account ({@link
     * FollowUpSource#RESIDENT_ACCOUNT}): 404 for anyone else's appeal, 409 {@code appeal.follow-up.not-open} when no
     * 回访 is awaited, {@code appeal.follow-up.recorded} when it was answered; the fields as {@link #answer}.
     */
    public void answerAsResident(UUID residentId, String trackingCode, Answer answer) {
        queries.ofResident(residentId, trackingCode);
        String comment = comment(answer);
        transaction.executeWithoutResult(status -> {
            Appeal a = store.findByTrackingCode(TrackingCodes.normalise(trackingCode))
                    .orElseThrow(() -> DomainException.notFound("appeal.not-found"));
            if (a.state() != AppealState.ANSWERED) {
                throw answeredOrClosed(a, a.rounds().answered());
            }
            once(() -> management.followUp(
                    a,
                    FollowUpSource.RESIDENT_ACCOUNT,
                    true,
                    answer.resolved(),
                    answer.satisfaction(),
                    comment,
                    actors.current()));
        });
    }

    /**
     * The round {@code round} of the appeal closed unanswered: recorded as {@link FollowUpSource#NO_ANSWER} by the
     * platform, unless it was answered, or the appeal moved on, meanwhile. Returns whether it was recorded.
     */
    boolean expire(AppealId id, int round) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Appeal a = store.find(id.value()).orElse(null);
            if (a == null || a.state() != AppealState.ANSWERED || a.rounds().answered() != round) {
                return false;
            }
            management.followUp(a, FollowUpSource.NO_ANSWER, false, null, null, null, Actor.system());
            return true;
        }));
    }

    /** How 回访 runs in this installation now. */
    public FollowUpPolicy policy() {
        return store.followUpPolicy();
    }

    /**
     * Sets how 回访 runs: {@code answerWithin} a time limit ({@code 3wd}, {@code 48h}; at most 30 working days, 240
     * working hours or 720 hours) and {@code whenUnresolved} {@code VERIFY} or {@code REWORK}; the change applies to
     * answers given from now on. 403 without {@link AppealPermission#EDIT_FOLLOW_UP}; 400 naming the field for a limit
     * or choice that cannot be read; 409 {@code appeal.follow-up.policy.stale} when it changed since {@code
     * expectedVersion} was read. Audited with the values before and after.
     */
    public FollowUpPolicy changePolicy(String answerWithin, String whenUnresolved, long expectedVersion) {
        may.require(AppealPermission.EDIT_FOLLOW_UP);
        Violations v = new Violations();
        TimeLimit limit = null;
        try {
            limit = TimeLimit.parse(answerWithin);
            if (AppealManagement.tooLong(limit)) {
                v.add("answerWithin", "appeal.follow-up.policy.too-long", limit.toString());
            }
        } catch (DomainException e) {
            v.add("answerWithin", "time-limit.invalid", answerWithin == null ? "" : answerWithin);
        }
        UnresolvedFollowUp when = null;
        try {
            when = UnresolvedFollowUp.valueOf(whenUnresolved == null ? "" : whenUnresolved.strip());
        } catch (IllegalArgumentException e) {
            v.add("whenUnresolved", "form.choose");
        }
        v.throwIfAny();
        TimeLimit checked = limit;
        UnresolvedFollowUp chosen = when;
        return transaction.execute(status -> {
            FollowUpPolicy before = store.followUpPolicy();
            if (!store.changeFollowUpPolicy(
                    checked,
                    chosen,
                    expectedVersion,
                    clock.instant(),
                    actors.current().name())) {
                throw DomainException.conflict("appeal.follow-up.policy.stale", expectedVersion, before.version());
            }
            FollowUpPolicy after = store.followUpPolicy();
            audit.record(new AuditRecord(
                    "appeal.follow-up.policy.changed",
                    "follow-up-policy",
                    "1",
                    Map.of(
                            "answerWithin",
                            before.answerWithin().toString(),
                            "whenUnresolved",
                            before.whenUnresolved().name()),
                    Map.of(
                            "answerWithin",
                            after.answerWithin().toString(),
                            "whenUnresolved",
                            after.whenUnresolved().name())));
            return after;
        });
    }

    /** The open appeal the link names, or 404 {@code appeal.follow-up.not-open} (a wrong key says no more). */
    private Appeal linked(String trackingCode, String key) {
        if (!keyMatches(trackingCode, key)) {
            throw notOpen();
        }
        return open(trackingCode).orElseThrow(FollowUps::notOpen);
    }

    private Optional<Appeal> open(String trackingCode) {
        if (trackingCode == null || trackingCode.isBlank() || trackingCode.length() > 20) {
            return Optional.empty();
        }
        return store.findByTrackingCode(TrackingCodes.normalise(trackingCode))
                .filter(a -> a.state() == AppealState.ANSWERED && a.rounds().followUpDue() != null);
    }

    private Appeal current(Proof proof) {
        if (proof == null || clock.instant().isAfter(proof.at().plus(PROOF_LIFETIME))) {
            throw DomainException.forbidden("appeal.follow-up.proof-expired");
        }
        Appeal a = store.find(proof.appeal()).orElseThrow(() -> DomainException.notFound("appeal.not-found"));
        if (a.state() != AppealState.ANSWERED || a.rounds().answered() != proof.round()) {
            throw answeredOrClosed(a, proof.round());
        }
        return a;
    }

    /** Why round {@code round} cannot be answered: it was (409 recorded), or it is not open (409 not-open). */
    private DomainException answeredOrClosed(Appeal a, int round) {
        boolean recorded = store.followUps(a.id()).stream().anyMatch(f -> f.round() == round);
        return DomainException.conflict(recorded ? "appeal.follow-up.recorded" : "appeal.follow-up.not-open");
    }

    /** A second answer racing the first loses on the appeal's version or on the key: either way, it was answered. */
    private static void once(Runnable record) {
        try {
            record.run();
        } catch (DomainException e) {
            if (e.code().equals("appeal.version.stale")) {
                throw DomainException.conflict("appeal.follow-up.recorded");
            }
            throw e;
        }
    }

    private static String comment(Answer answer) {
        Violations v = new Violations();
        String comment = Text.checkText(answer.comment(), "comment", AppealManagement.MAX_REASON, v);
        if (answer.resolved() == null) {
            v.add("resolved", "validation.NotNull", "resolved");
        }
        if (answer.satisfaction() == null) {
            v.add("satisfaction", "validation.NotNull", "satisfaction");
        }
        v.throwIfAny();
        return comment;
    }

    private static DomainException notOpen() {
        return DomainException.notFound("appeal.follow-up.not-open");
    }
}
