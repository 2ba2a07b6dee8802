package org.gongzhi.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.gongzhi.platform.Actor;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.PersonalDataCipher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final LockoutPolicy lockout;
    private final AuditTrail audit;
    private final ActorResolver actors;
    private final Clock clock;
    /** A hash of a random secret, checked when the account does not exist so that timing tells nothing. */
    private final String dummy;

    SignIns(
            AccountRepository accounts,
            PasswordEncoder encoder,
            PersonalDataCipher cipher,
            LockoutPolicy lockout,
            AuditTrail audit,
            ActorResolver actors,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.cipher = cipher;
        this.lockout = lockout;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
        this.dummy = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    @Transactional
    public Outcome attempt(String username, String password, String code) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<Account> found = name.length() > 50 ? Optional.empty() : accounts.findByUsername(name);
        String typed = password == null ? "" : password;
        if (found.isEmpty() || !found.get().enabled()) {
            encoder.matches(typed.length() > PasswordPolicy.MAXIMUM ? "" : typed, dummy);
            // The typed name is not kept: it may be a password typed into the wrong field.
            audit.record(AuditRecord.created("identity.sign-in.failed", "account", null, Map.of("reason", "unknown")));
            return new Outcome(Result.REFUSED, null);
        }
        Account account = found.get();
        if (account.locked(lockout, now)) {
            audit.record(refused(account, "locked"));
            return new Outcome(Result.LOCKED, account);
        }
        if (typed.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAXIMUM
                || !encoder.matches(typed, account.passwordHash())) {
            return fail(account, now, "password");
        }
        Long step = null;
        if (account.needsSecondFactor()) {
            OptionalLong accepted = account.totpSecret() == null
                    ? OptionalLong.empty()
                    : Totp.verify(
                            cipher.decrypt("account.totp", account.totpSecret()), code, now, account.totpLastStep());
            if (accepted.isEmpty()) {
                return fail(account, now, "second-factor");
            }
            step = accepted.getAsLong();
        }
        account.signedIn(step);
        accounts.save(account);
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

    private Outcome fail(Account account, Instant now, String reason) {
        account.failedSignIn(lockout, now);
        accounts.save(account);
        audit.record(refused(account, reason));
        return new Outcome(account.locked(lockout, now) ? Result.LOCKED : Result.REFUSED, account);
    }

    private static AuditRecord refused(Account account, String reason) {
        return AuditRecord.created(
                "identity.sign-in.failed", "account", account.id().toString(), Map.of("reason", reason));
    }
}
