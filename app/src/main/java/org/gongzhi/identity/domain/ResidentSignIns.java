package org.gongzhi.identity.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.identity.SmsSender;
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
 * Residents sign in with a mobile number and a six-digit code sent by SMS: a code lives 5 minutes, allows 5 tries and
 * works once. Requests are limited per number (one a minute, five an hour) and per client address (twenty an hour).
 * Codes, numbers and addresses are kept only as keyed hashes or encrypted. The limits are exact under concurrent
 * requests: each request holds its number's lock, then its address's, while it counts and records.
 */
@Service
public class ResidentSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final Duration PHONE_GAP = Duration.ofMinutes(1);
    static final int PHONE_PER_HOUR = 5;
    static final int ADDRESS_PER_HOUR = 20;

    private final JdbcClient jdbc;
    private final ResidentRepository residents;
    private final PersonalDataCipher cipher;
    private final SmsSender sms;
    private final AuditTrail audit;
    private final TransactionLocks locks;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ResidentSignIns(
            JdbcClient jdbc,
            ResidentRepository residents,
            PersonalDataCipher cipher,
            SmsSender sms,
            AuditTrail audit,
            TransactionLocks locks,
            Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.cipher = cipher;
        this.sms = sms;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
    }

    public enum Request {
        SENT,
        TOO_SOON,
        TOO_MANY
    }

    /** The outcome of a request for a code and, when it was limited, how long until a new request can succeed. */
    public record CodeRequest(Request outcome, Duration retryAfter) {

        static CodeRequest sent() {
            return new CodeRequest(Request.SENT, Duration.ZERO);
        }
    }

    /** Sends a code to {@code phone} unless a limit is reached; a limited request is audited and sends nothing. */
    @Transactional
    public CodeRequest sendCode(PhoneNumber phone, String address) {
        String phoneHash = cipher.lookupHash("resident.phone", phone.value());
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
            return new CodeRequest(Request.TOO_SOON, Duration.between(now, last.plus(PHONE_GAP)));
        }
        Instant phoneFree = freeAt("phone_hash", phoneHash, PHONE_PER_HOUR, now);
        Instant addressFree = freeAt("address_hash", addressHash, ADDRESS_PER_HOUR, now);
        if (phoneFree != null || addressFree != null) {
            audit.record(AuditRecord.created("identity.code.limited", "resident", null, Map.of()));
            // Free again when the later of the two limits frees a place.
            Instant free = java.util.stream.Stream.of(phoneFree, addressFree)
                    .filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElseThrow();
            return new CodeRequest(Request.TOO_MANY, Duration.between(now, free));
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql(
                        "insert into identity.one_time_code (id, phone_hash, address_hash, code_hash, requested_at, expires_at)"
                                + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        phoneHash,
                        addressHash,
                        cipher.lookupHash("one-time-code", phoneHash + ":" + code),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(LIFETIME)))
                .update();
        // Sent once the request is on record, so a code is never sent that the limits did not count.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sms.send(phone, "【共治】您的登录验证码是 " + code + "，5 分钟内有效。请勿告诉他人。");
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
     * Checks a code for {@code phone}; on success the resident (registered at first sign-in) is returned and the code
     * is used up. A wrong code counts against the latest code's attempts.
     */
    @Transactional
    public Optional<Resident> signIn(PhoneNumber phone, String code) {
        Instant now = clock.instant();
        String phoneHash = cipher.lookupHash("resident.phone", phone.value());
        var latest = jdbc.sql("select id, code_hash, expires_at, attempts, used_at from identity.one_time_code"
                        + " where phone_hash = ? order by requested_at desc limit 1 for update")
                .param(phoneHash)
                .query()
                .listOfRows();
        if (latest.isEmpty()) {
            return refused(null);
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
            return refused(id);
        }
        jdbc.sql("update identity.one_time_code set used_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
        Resident resident = residents
                .findByPhoneHash(phoneHash)
                .orElseGet(() -> Resident.register(cipher.encrypt("resident.phone", phone.value()), phoneHash, now));
        resident.signedIn(now);
        resident = residents.save(resident);
        audit.record(AuditRecord.created(
                "identity.resident.signed-in", "resident", resident.id().toString(), Map.of()));
        return Optional.of(resident);
    }

    private Optional<Resident> refused(UUID code) {
        audit.record(AuditRecord.created(
                "identity.resident.sign-in.failed", "one-time-code", code == null ? null : code.toString(), Map.of()));
        return Optional.empty();
    }
}
