package org.gongzhi.identity.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.PersonalDataCipher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a staff sign-in and records its outcome in its own transaction, so a failure is counted and audited even
 * though the sign-in is refused. Unknown user names cost as much time as wrong passwords and are told apart nowhere.
 */
@Service
public class SignIns {

    public enum Result {
        SIGNED_IN,
        REFUSED,
        LOCKED
    }

    public record Outcome(Result result, Account account) {}

    private final AccountRepository accounts;
    private final SignInRecords records;
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final LockoutPolicy lockout;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /**
     * A hash of a random secret, checked when the account does not exist so that timing tells nothing; made at the
     * first such check rather than at start-up (a bcrypt hash costs about a tenth of a second).
     */
    private volatile String dummy;

    SignIns(
            AccountRepository accounts,
            SignInRecords records,
            PasswordEncoder encoder,
            PersonalDataCipher cipher,
            LockoutPolicy lockout,
            AuditTrail audit,
            ActorResolver actors,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.encoder = encoder;
        this.cipher = cipher;
        this.lockout = lockout;
        this.audit = audit;
        this.actors = actors;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * One sign-in attempt. The password is checked first, outside any lock (bcrypt is slow on purpose); then, holding
     * the account's sign-in lock, the lockout is read, the outcome written and audited as one step — so forty wrong
     * passwords at once are forty counted failures, and a right password after the fifth still finds the account
     * locked. Nothing here changes the account aggregate.
     */
    public Outcome attempt(String username, String password, String code) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // Read in a transaction of its own, so its connection goes back to the pool before the slow hash check.
        Optional<Account> found =
                name.length() > 50 ? Optional.empty() : transaction.execute(s -> accounts.findByUsername(name));
        String typed = password == null ? "" : password;
        boolean tooLong = typed.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAXIMUM;
        if (found.isEmpty() || !found.get().enabled()) {
            encoder.matches(tooLong ? "" : typed, dummy());
            // The typed name is not kept: it may be a password typed into the wrong field.
            // Counted like an account's failures, so that lockout does not tell which names are accounts.
            String nameHash = cipher.lookupHash("sign-in-name", name);
            return transaction.execute(s -> {
                Instant now = clock.instant();
                List<Instant> failures = records.unknownFailuresSince(nameHash, lockout.horizon(now));
                if (lockout.locked(failures, now)) {
                    audit.record(AuditRecord.created(
                            "identity.sign-in.failed", "account", null, Map.of("reason", "unknown")));
                    return new Outcome(Result.LOCKED, null);
                }
                records.addUnknownFailure(nameHash, now, lockout.horizon(now));
                audit.record(
                        AuditRecord.created("identity.sign-in.failed", "account", null, Map.of("reason", "unknown")));
                List<Instant> withThis = new java.util.ArrayList<>(failures);
                withThis.add(now);
                return new Outcome(lockout.locked(withThis, now) ? Result.LOCKED : Result.REFUSED, null);
            });
        }
        Account account = found.get();
        boolean passwordMatches = !tooLong && encoder.matches(typed, account.passwordHash());
        return transaction.execute(s -> decide(account, passwordMatches, code));
    }

    private String dummy() {
        String hash = dummy;
        if (hash == null) {
            hash = encoder.encode(UUID.randomUUID().toString());
            dummy = hash;
        }
        return hash;
    }

    private Outcome decide(Account account, boolean passwordMatches, String code) {
        records.lock(account.id());
        Instant now = clock.instant();
        // Read once under the lock: whether the account is locked now, and with this failure added.
        List<Instant> failures = records.failuresSince(account.id(), lockout.horizon(now));
        if (lockout.locked(failures, now)) {
            audit.record(refused(account, "locked"));
            return new Outcome(Result.LOCKED, account);
        }
        if (!passwordMatches) {
            return fail(account, failures, now, "password");
        }
        if (account.needsSecondFactor()) {
            OptionalLong accepted = account.totpSecret() == null
                    ? OptionalLong.empty()
                    : Totp.verify(
                            cipher.decrypt("account.totp", account.totpSecret()),
                            code,
                            now,
                            records.lastStep(account.id()).orElse(Long.MIN_VALUE));
            if (accepted.isEmpty()) {
                return fail(account, failures, now, "second-factor");
            }
            records.acceptStep(account.id(), accepted.getAsLong());
        }
        records.clearFailures(account.id());
        records.signedIn(account.id(), now);
        String roles = String.join(
                ",", account.roles().stream().map(Enum::name).sorted().toList());
        audit.record(
                new Actor(
                        account.username(),
                        roles,
                        org.gongzhi.identity.StaffPrincipal.of(account).scope().summary(),
                        actors.current().address()),
                AuditRecord.created(
                        "identity.signed-in", "account", account.id().toString(), Map.of()));
        return new Outcome(Result.SIGNED_IN, account);
    }

    private Outcome fail(Account account, List<Instant> failures, Instant now, String reason) {
        records.forgetFailuresBefore(account.id(), lockout.horizon(now));
        records.addFailure(account.id(), now);
        audit.record(refused(account, reason));
        List<Instant> withThis = new java.util.ArrayList<>(failures);
        withThis.add(now);
        return new Outcome(lockout.locked(withThis, now) ? Result.LOCKED : Result.REFUSED, account);
    }

    private static AuditRecord refused(Account account, String reason) {
        return AuditRecord.created(
                "identity.sign-in.failed", "account", account.id().toString(), Map.of("reason", reason));
    }
}
