package org.gongzhi.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.platform.TransactionLocks;
import org.gongzhi.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Six-digit codes sent by SMS to prove that someone holds a mobile number: a code lives 5 minutes, allows 5 tries,
 * works once and only for the {@link Purpose} it was sent for. Requests are limited per number (one a minute, five an
 * hour) and per client address (twenty an hour), all purposes counted together. Codes, numbers and addresses are kept
 * only as keyed hashes. The limits are exact under concurrent requests: each request holds its number's lock, then its
 * address's, while it counts and records.
 */
@Service
public class PhoneCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final Duration PHONE_GAP = Duration.ofMinutes(1);
    static final int PHONE_PER_HOUR = 5;
    static final int ADDRESS_PER_HOUR = 20;

    /** What a code is for; each has its own text, and a code sent for one is refused for the other. */
    public enum Purpose {
        /** A resident signs in. */
        SIGN_IN("【共治】您的登录验证码是 %s，5 分钟内有效。请勿告诉他人。"),
        /** The reporter of an appeal proves their number before rating its answer (回访). */
        FOLLOW_UP("【共治】您正在评价诉求的办理结果，验证码是 %s，5 分钟内有效。请勿告诉他人。");

        private final String text;

        Purpose(String text) {
            this.text = text;
        }
    }

    public enum Outcome {
        SENT,
        TOO_SOON,
        TOO_MANY
    }

    /** The outcome of a request for a code and, when it was limited, how long until a new request can succeed. */
    public record CodeRequest(Outcome outcome, Duration retryAfter) {

        /** The wait in whole seconds, rounded up and at least 1: an HTTP Retry-After (RFC 6585 §4). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        static CodeRequest sent() {
            return new CodeRequest(Outcome.SENT, Duration.ZERO);
        }
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final SmsSender sms;
    private final AuditTrail audit;
    private final TransactionLocks locks;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PhoneCodes(
            JdbcClient jdbc,
            PersonalDataCipher cipher,
            SmsSender sms,
            AuditTrail audit,
            TransactionLocks locks,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.sms = sms;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
    }

    /** The keyed hash a number is looked up by (the same one {@code identity.resident.phone_hash} holds). */
    public String phoneHash(PhoneNumber phone) {
        return cipher.lookupHash("resident.phone", phone.value());
    }

    /**
     * Sends a code for {@code purpose} to {@code phone} unless a limit is reached; a limited request is audited and
     * sends nothing. {@code address} is the client's network address (kept only as a keyed hash).
     */
    @Transactional
    public CodeRequest send(PhoneNumber phone, Purpose purpose, String address) {
        String phoneHash = phoneHash(phone);
        String addressHash = cipher.lookupHash("client.address", address == null ? "" : address);
        // Always the number first, then the address: no two requests wait on each other in a cycle.
        locks.lock("resident-code-number", phoneHash);
        locks.lock("resident-code-address", addressHash);
        Instant now = clock.instant();
        Instant last = jdbc.sql(
                        "select max(requested_at) from identity.one_time_code where phone_hash = ? and requested_at <= ?")
                .params(phoneHash, Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
        if (last != null && now.isBefore(last.plus(PHONE_GAP))) {
            return new CodeRequest(Outcome.TOO_SOON, Duration.between(now, last.plus(PHONE_GAP)));
        }
        Instant phoneFree = freeAt("phone_hash", phoneHash, PHONE_PER_HOUR, now);
        Instant addressFree = freeAt("address_hash", addressHash, ADDRESS_PER_HOUR, now);
        if (phoneFree != null || addressFree != null) {
            audit.record(
                    AuditRecord.created("identity.code.limited", "resident", null, Map.of("purpose", purpose.name())));
            // Free again when the later of the two limits frees a place.
            Instant free = Stream.of(phoneFree, addressFree)
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElseThrow();
            return new CodeRequest(Outcome.TOO_MANY, Duration.between(now, free));
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("insert into identity.one_time_code (id, phone_hash, address_hash, code_hash, requested_at,"
                        + " expires_at, purpose) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        phoneHash,
                        addressHash,
                        cipher.lookupHash("one-time-code", phoneHash + ":" + code),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(LIFETIME)),
                        purpose.name())
                .update();
        // Sent once the request is on record, so a code is never sent that the limits did not count.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sms.send(phone, purpose.text.formatted(code));
            }
        });
        return CodeRequest.sent();
    }

    /**
     * When the hourly limit of {@code column} frees a place again, or {@code null} when a place is free now: the
     * {@code limit}-th most recent request of the past hour leaves the window one hour after it was made.
     */
    private Instant freeAt(String column, String hash, int limit, Instant now) {
        return jdbc.sql("select requested_at from identity.one_time_code where " + column + " = ?"
                        + " and requested_at > ? and requested_at <= ? order by requested_at desc offset ? limit 1")
                .params(hash, Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now), limit - 1)
                .query(Timestamp.class)
                .optional()
                .map(t -> t.toInstant().plus(Duration.ofHours(1)))
                .orElse(null);
    }

    /**
     * Uses up the latest code sent to {@code phone} for {@code purpose} if {@code code} is it, still alive and tried
     * fewer than five times; a wrong code counts against that code's tries and is audited. Returns the number's keyed
     * hash when the code was right. Call it outside any transaction that may still roll back (or in its own): a
     * refused try counts only once it is committed.
     */
    @Transactional
    public Optional<String> use(PhoneNumber phone, Purpose purpose, String code) {
        Instant now = clock.instant();
        String phoneHash = phoneHash(phone);
        var latest = jdbc.sql("select id, code_hash, expires_at, attempts, used_at from identity.one_time_code"
                        + " where phone_hash = ? and purpose = ? order by requested_at desc limit 1 for update")
                .params(phoneHash, purpose.name())
                .query()
                .listOfRows();
        if (latest.isEmpty()) {
            return refused(null, purpose);
        }
        var row = latest.get(0);
        UUID id = (UUID) row.get("id");
        boolean usable = row.get("used_at") == null
                && ((Timestamp) row.get("expires_at")).toInstant().isAfter(now)
                && ((Number) row.get("attempts")).intValue() < MAX_ATTEMPTS;
        boolean matches = code != null
                && code.matches("\\d{6}")
                && cipher.lookupHash("one-time-code", phoneHash + ":" + code).equals(row.get("code_hash"));
        if (!usable || !matches) {
            jdbc.sql("update identity.one_time_code set attempts = attempts + 1 where id = ?")
                    .param(id)
                    .update();
            return refused(id, purpose);
        }
        jdbc.sql("update identity.one_time_code set used_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
        return Optional.of(phoneHash);
    }

    private Optional<String> refused(UUID code, Purpose purpose) {
        audit.record(AuditRecord.created(
                purpose == Purpose.SIGN_IN ? "identity.resident.sign-in.failed" : "identity.code.refused",
                "one-time-code",
                code == null ? null : code.toString(),
                Map.of("purpose", purpose.name())));
        return Optional.empty();
    }
}
