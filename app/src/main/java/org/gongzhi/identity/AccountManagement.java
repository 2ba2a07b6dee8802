package org.gongzhi.identity;

import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.identity.domain.Account;
import org.gongzhi.identity.domain.AccountRepository;
import org.gongzhi.identity.domain.PasswordPolicy;
import org.gongzhi.identity.domain.SeparationOfDuties;
import org.gongzhi.identity.domain.SignInRecords;
import org.gongzhi.identity.domain.Totp;
import org.gongzhi.organization.OrganisationId;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.gongzhi.territory.TerritoryQueries;
import org.gongzhi.territory.UnitView;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens staff accounts: checked user name and password, roles under 三权分立, a scope of real units and organisations. */
@Service
@Transactional
public class AccountManagement {

    static final String TOTP_PURPOSE = "account.totp";

    private final AccountRepository accounts;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final TerritoryQueries territory;
    private final OrganizationQueries organizations;
    private final AuditTrail audit;
    private final SignInRecords signIns;
    private final SessionEnding sessions;
    private final AccountCare care;
    private final org.gongzhi.platform.ActorResolver actors;
    private final Clock clock;

    AccountManagement(
            AccountRepository accounts,
            PasswordPolicy passwords,
            PasswordEncoder encoder,
            PersonalDataCipher cipher,
            TerritoryQueries territory,
            OrganizationQueries organizations,
            AuditTrail audit,
            SignInRecords signIns,
            SessionEnding sessions,
            AccountCare care,
            org.gongzhi.platform.ActorResolver actors,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.cipher = cipher;
        this.territory = territory;
        this.organizations = organizations;
        this.audit = audit;
        this.signIns = signIns;
        this.sessions = sessions;
        this.care = care;
        this.actors = actors;
        this.clock = clock;
    }

    public AccountView open(OpenAccount command) {
        return open(command, encoder.encode(command.password() == null ? "" : command.password()));
    }

    /**
     * Opens several accounts in one transaction. The password hashes — the slow part, by design — are computed in
     * parallel, each with its own salt.
     */
    public java.util.List<AccountView> openAll(java.util.List<OpenAccount> commands) {
        java.util.List<String> hashes = commands.parallelStream()
                .map(c -> encoder.encode(c.password() == null ? "" : c.password()))
                .toList();
        java.util.List<AccountView> opened = new java.util.ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            opened.add(open(commands.get(i), hashes.get(i)));
        }
        return opened;
    }

    private AccountView open(OpenAccount command, String passwordHash) {
        Violations violations = new Violations();
        String username =
                command.username() == null ? "" : command.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,49}")) {
            violations.add("username", "identity.username.format");
        } else if (accounts.findByUsername(username).isPresent()) {
            violations.add("username", "identity.username.taken");
        }
        if (command.displayName() == null || command.displayName().isBlank()) {
            violations.add("displayName", "identity.display-name.missing");
        } else {
            Text.checkLine(command.displayName(), "displayName", true, 50, violations);
        }
        if (command.roles() == null || command.roles().isEmpty()) {
            violations.add("roles", "identity.roles.missing");
        } else {
            try {
                SeparationOfDuties.check(command.roles());
            } catch (DomainException e) {
                violations.add("roles", e.code(), e.args().toArray());
            }
        }
        passwords.check(username, command.password(), "password", violations);
        Set<UUID> units = new HashSet<>();
        for (String code : command.unitCodes()) {
            territory
                    .unitByCode(code)
                    .map(UnitView::id)
                    .ifPresentOrElse(
                            id -> units.add(id.value()),
                            () -> violations.add("unitCodes", "identity.scope.unit", code));
        }
        for (UUID org : command.organisationIds()) {
            if (organizations.organisation(new OrganisationId(org)).isEmpty()) {
                violations.add("organisationIds", "identity.scope.organisation", org);
            }
        }
        boolean needsCode = command.mayUnmask()
                || (command.roles() != null && command.roles().stream().anyMatch(Role::administrator));
        if (needsCode && (command.totpSecret() == null || command.totpSecret().isBlank())) {
            violations.add("totpSecret", "identity.totp.required");
        }
        violations.throwIfAny();
        String totp = command.totpSecret() == null ? null : cipher.encrypt(TOTP_PURPOSE, command.totpSecret());
        Account account = accounts.save(Account.open(
                username,
                command.displayName().strip(),
                passwordHash,
                clock.instant(),
                command.roles(),
                units,
                command.organisationIds(),
                command.mayUnmask(),
                totp));
        audit.record(AuditRecord.created(
                "identity.account.opened",
                "account",
                account.id().toString(),
                Map.of(
                        "username",
                        account.username(),
                        "roles",
                        account.roles().toString(),
                        "units",
                        units.size(),
                        "organisations",
                        command.organisationIds().size())));
        return view(account);
    }

    /**
     * The new rights of an account; {@code version} is the one the 安全管理员 read. {@code organisationIds} {@code null}
     * keeps the organisations in scope as they are.
     */
    public record Regrant(
            long version,
            Set<Role> roles,
            Set<String> unitCodes,
            Set<UUID> organisationIds,
            boolean mayUnmask,
            boolean enabled) {

        public Regrant(long version, Set<Role> roles, Set<String> unitCodes, boolean mayUnmask, boolean enabled) {
            this(version, roles, unitCodes, null, mayUnmask, enabled);
        }
    }

    /**
     * Changes an account's roles, scope, unmask permission or whether it may sign in. Returns the new TOTP secret when
     * the change made one necessary (shown once, like at opening), else {@code null}. When the account's rights
     * change, its open sessions end once the change commits: a disabled account or a withdrawn role stops working at
     * once, not at the session's idle limit.
     */
    public String regrant(UUID id, Regrant change) {
        Account account =
                accounts.findById(id).orElseThrow(() -> DomainException.notFound("identity.account.not-found", id));
        if (account.version() != change.version()) {
            throw DomainException.conflict("identity.account.stale");
        }
        if (account.username().equals(actors.current().name())) {
            // Nobody changes their own rights: that is how the last 安全管理员 would lock everyone out.
            throw DomainException.conflict("identity.account.self");
        }
        Violations violations = new Violations();
        if (change.roles() == null || change.roles().isEmpty()) {
            violations.add("roles", "identity.roles.missing");
        } else {
            try {
                SeparationOfDuties.check(change.roles());
            } catch (DomainException e) {
                violations.add("roles", e.code(), e.args().toArray());
            }
        }
        Set<UUID> units = new HashSet<>();
        for (String code : change.unitCodes()) {
            territory
                    .unitByCode(code)
                    .map(UnitView::id)
                    .ifPresentOrElse(
                            u -> units.add(u.value()), () -> violations.add("unitCodes", "identity.scope.unit", code));
        }
        Set<UUID> organisations =
                change.organisationIds() == null ? account.scopeOrganisations() : change.organisationIds();
        for (UUID org : organisations) {
            if (organizations.organisation(new OrganisationId(org)).isEmpty()) {
                violations.add("organisationIds", "identity.scope.organisation", org);
            }
        }
        violations.throwIfAny();
        boolean needsCode = change.mayUnmask() || change.roles().stream().anyMatch(Role::administrator);
        String secret =
                needsCode && account.totpSecret() == null ? Totp.newSecret(new java.security.SecureRandom()) : null;
        var before = account.summary();
        boolean newSecret = account.regrant(
                change.roles(),
                units,
                organisations,
                change.mayUnmask(),
                change.enabled(),
                secret == null ? null : cipher.encrypt(TOTP_PURPOSE, secret));
        accounts.save(account);
        if (newSecret) {
            signIns.forgetSteps(account.id());
        }
        if (!before.equals(account.summary())) {
            sessions.afterCommit(account.username());
        }
        audit.record(new AuditRecord(
                "identity.account.regranted", "account", account.id().toString(), before, account.summary()));
        return secret;
    }

    /** When an account last signed in ({@code null}: never) and whether too many failures lock it now. */
    public record SignInState(java.time.Instant lastSignIn, boolean locked) {}

    /** Ends the lock after failed sign-ins at once (audited). */
    public void unlock(UUID id) {
        care.unlock(id);
    }

    /**
     * Sets a new temporary password and returns it, once: 12 characters that follow the password rules. The account
     * must choose its own at the next sign-in; its open sessions end (audited).
     */
    public String resetPassword(UUID id) {
        return care.resetPassword(id, actors.current().name());
    }

    /** Replaces the TOTP secret and returns the new one (Base32), once; the old one stops working (audited). */
    public String reenrol(UUID id) {
        return care.reenrol(id, actors.current().name());
    }

    /** Disables or enables an account; disabling ends its open sessions when this commits (audited). */
    public void enable(UUID id, boolean enabled) {
        care.enable(id, enabled, actors.current().name());
    }

    /**
     * The holder's own password change: {@code identity.password.current} (400) when the current one does not match,
     * the password rules' codes on {@code password} otherwise.
     */
    public void changeOwnPassword(String username, String current, String next) {
        care.changeOwnPassword(username, current, next);
    }

    /** Whether the account must choose a new password before doing anything else. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return care.mustChangePassword(username);
    }

    @Transactional(readOnly = true)
    public Map<UUID, SignInState> signInStates() {
        return care.signInStates();
    }

    @Transactional(readOnly = true)
    public SignInState signInState(UUID id) {
        return care.signInState(id);
    }

    /** The password rules in force, for forms to show before the first attempt. */
    public PasswordPolicy.Rules passwordRules() {
        return passwords.rules();
    }

    @Transactional(readOnly = true)
    public AccountView account(UUID id) {
        return accounts.findById(id)
                .map(AccountManagement::view)
                .orElseThrow(() -> DomainException.notFound("identity.account.not-found", id));
    }

    /** Every staff account, by user name, for the 安全管理员. */
    @Transactional(readOnly = true)
    public java.util.List<AccountView> accounts() {
        return accounts.findAll().stream()
                .sorted(java.util.Comparator.comparing(Account::username))
                .map(AccountManagement::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean anyAdministrator() {
        return accounts.countAdministrators() > 0;
    }

    static AccountView view(Account a) {
        return new AccountView(
                a.id(),
                a.username(),
                a.displayName(),
                a.roles(),
                a.scopeUnits(),
                a.scopeOrganisations(),
                a.needsSecondFactor(),
                a.mayUnmask(),
                a.enabled(),
                a.version() == null ? 0 : a.version());
    }
}
