package org.gongzhi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.identity.domain.Account;
import org.gongzhi.identity.domain.AccountRepository;
import org.gongzhi.identity.domain.LockoutPolicy;
import org.gongzhi.identity.domain.PasswordPolicy;
import org.gongzhi.identity.domain.SignInRecords;
import org.gongzhi.identity.domain.Totp;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The 安全管理员's care of existing accounts, and the holder's own password change, behind {@link AccountManagement}:
 * unlock, reset a password (to be changed at the next sign-in), re-enrol the second factor, disable and enable. Every
 * step is audited; the ones that take something away end the account's open sessions when they commit.
 */
@Component
class AccountCare {

    /** Characters of a temporary password: no 0/O, 1/l/I, so it can be read out over the phone. */
    private static final String[] CLASSES = {"abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "#%+=@"
    };

    private final AccountRepository accounts;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final SignInRecords signIns;
    private final LockoutPolicy lockout;
    private final AuditTrail audit;
    private final SessionEnding sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountCare(
            AccountRepository accounts,
            PasswordPolicy passwords,
            PasswordEncoder encoder,
            PersonalDataCipher cipher,
            SignInRecords signIns,
            LockoutPolicy lockout,
            AuditTrail audit,
            SessionEnding sessions,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.cipher = cipher;
        this.signIns = signIns;
        this.lockout = lockout;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    private Account require(UUID id) {
        return accounts.findById(id).orElseThrow(() -> DomainException.notFound("identity.account.not-found", id));
    }

    /**
     * The 安全管理员 does not lock themself out: their own password is changed on their own page, and disabling or
     * re-enrolling their own account is refused (409 {@code identity.account.self}) — otherwise one click could leave
     * the installation with nobody to manage accounts.
     */
    private Account requireOther(UUID id, String actingUsername) {
        Account account = require(id);
        if (account.username().equals(actingUsername)) {
            throw DomainException.conflict("identity.account.self");
        }
        return account;
    }

    void unlock(UUID id) {
        Account account = require(id);
        signIns.lock(id);
        if (!locked(id, clock.instant())) {
            // Someone else unlocked it first, or the lock ran out: say so rather than report an unlock that did
            // nothing.
            throw DomainException.conflict("identity.account.not-locked", account.username());
        }
        signIns.clearFailures(id);
        audit.record(AuditRecord.created("identity.account.unlocked", "account", id.toString(), Map.of()));
    }

    /** A new temporary password, returned once; the account must choose its own at the next sign-in. */
    String resetPassword(UUID id, String acting) {
        Account account = requireOther(id, acting);
        String temporary;
        Violations check;
        do {
            temporary = temporaryPassword();
            check = new Violations();
            passwords.check(account.username(), temporary, "password", check);
        } while (!check.isEmpty());
        account.resetPassword(encoder.encode(temporary), clock.instant());
        accounts.save(account);
        signIns.clearFailures(id);
        sessions.afterCommit(account.username());
        audit.record(AuditRecord.created(
                "identity.account.password-reset", "account", id.toString(), Map.of("mustChange", true)));
        return temporary;
    }

    private String temporaryPassword() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String from = CLASSES[i < CLASSES.length ? i : random.nextInt(CLASSES.length)];
            p.append(from.charAt(random.nextInt(from.length())));
        }
        // Shuffle, so the classes do not always come in the same places.
        for (int i = p.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = p.charAt(i);
            p.setCharAt(i, p.charAt(j));
            p.setCharAt(j, c);
        }
        return p.toString();
    }

    /** A new TOTP secret (Base32), returned once; the old one stops working at once. */
    String reenrol(UUID id, String acting) {
        Account account = requireOther(id, acting);
        String secret = Totp.newSecret(random);
        account.reenrol(cipher.encrypt(AccountManagement.TOTP_PURPOSE, secret));
        accounts.save(account);
        signIns.forgetSteps(id);
        sessions.afterCommit(account.username());
        audit.record(AuditRecord.created("identity.account.totp-reenrolled", "account", id.toString(), Map.of()));
        return secret;
    }

    /** Disables or enables the account; a disabled account's open sessions end when this commits. */
    void enable(UUID id, boolean enabled, String acting) {
        Account account = requireOther(id, acting);
        if (account.enabled() == enabled) {
            return;
        }
        account.enable(enabled);
        accounts.save(account);
        if (!enabled) {
            sessions.afterCommit(account.username());
        }
        audit.record(new AuditRecord(
                enabled ? "identity.account.enabled" : "identity.account.disabled",
                "account",
                id.toString(),
                Map.of("enabled", !enabled),
                Map.of("enabled", enabled)));
    }

    /** The holder's own new password: the current one must match and the new one follow the rules. */
    void changeOwnPassword(String username, String current, String next) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> DomainException.notFound("identity.account.not-found", username));
        Violations violations = new Violations();
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            violations.add("current", "identity.password.current");
        }
        passwords.check(account.username(), next, "password", violations);
        if (next != null && !next.isEmpty() && next.equals(current)) {
            violations.add("password", "identity.password.same");
        }
        violations.throwIfAny();
        account.changePassword(encoder.encode(next), clock.instant());
        accounts.save(account);
        audit.record(AuditRecord.created(
                "identity.password.changed", "account", account.id().toString(), Map.of()));
    }

    /** Whether the holder must choose a new password: one set by the 安全管理员, or one past its rotation. */
    boolean mustChangePassword(String username) {
        return accounts.findByUsername(username)
                .map(a -> a.passwordMustChange() || passwords.expired(a.passwordChangedAt(), clock.instant()))
                .orElse(false);
    }

    /** Each account's last sign-in and whether it is locked now. */
    Map<UUID, AccountManagement.SignInState> signInStates() {
        Instant now = clock.instant();
        Map<UUID, Instant> last = signIns.lastSignIns();
        Map<UUID, Integer> failing = signIns.failureCountsSince(lockout.horizon(now));
        Map<UUID, AccountManagement.SignInState> states = new HashMap<>();
        for (Account a : accounts.findAll()) {
            boolean locked = failing.containsKey(a.id()) && locked(a.id(), now);
            states.put(a.id(), new AccountManagement.SignInState(last.get(a.id()), locked));
        }
        return states;
    }

    /** One account's last sign-in and whether it is locked now. */
    AccountManagement.SignInState signInState(UUID id) {
        Instant now = clock.instant();
        return new AccountManagement.SignInState(signIns.lastSignIn(id).orElse(null), locked(id, now));
    }

    private boolean locked(UUID id, Instant now) {
        return lockout.locked(signIns.failuresSince(id, lockout.horizon(now)), now);
    }
}
