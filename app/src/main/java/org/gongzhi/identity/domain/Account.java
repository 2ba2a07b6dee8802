package org.gongzhi.identity.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff account: user name, password hash, roles, data scope (territory units and organisations), an optional TOTP
 * secret (encrypted). Signing in changes none of it: failed attempts and the last TOTP step used are kept by
 * {@link SignInRecords}, so a sign-in never conflicts with an administrator's edit of the account.
 */
@Table(schema = "identity", name = "account")
public class Account {

    @Id
    private final UUID id;

    private final String username;
    private String displayName;
    private String passwordHash;
    private Instant passwordChangedAt;
    private boolean passwordMustChange;
    private String totpSecret;
    private boolean mayUnmask;
    private boolean enabled;

    @MappedCollection(idColumn = "account_id")
    private Set<Grant> roles;

    @MappedCollection(idColumn = "account_id")
    private Set<ScopeUnit> scopeUnits;

    @MappedCollection(idColumn = "account_id")
    private Set<ScopeOrganisation> scopeOrganisations;

    @Version
    private Long version;

    @PersistenceCreator
    Account(
            UUID id,
            String username,
            String displayName,
            String passwordHash,
            Instant passwordChangedAt,
            boolean passwordMustChange,
            String totpSecret,
            boolean mayUnmask,
            boolean enabled,
            Set<Grant> roles,
            Set<ScopeUnit> scopeUnits,
            Set<ScopeOrganisation> scopeOrganisations,
            Long version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        this.passwordMustChange = passwordMustChange;
        this.totpSecret = totpSecret;
        this.mayUnmask = mayUnmask;
        this.enabled = enabled;
        this.roles = roles == null ? new HashSet<>() : new HashSet<>(roles);
        this.scopeUnits = scopeUnits == null ? new HashSet<>() : new HashSet<>(scopeUnits);
        this.scopeOrganisations = scopeOrganisations == null ? new HashSet<>() : new HashSet<>(scopeOrganisations);
        this.version = version;
    }

    /** Opens an account; the roles must respect 三权分立 and the password hash comes from a checked password. */
    public static Account open(
            String username,
            String displayName,
            String passwordHash,
            Instant now,
            Set<Role> roles,
            Set<UUID> units,
            Set<UUID> organisations,
            boolean mayUnmask,
            String totpSecret) {
        SeparationOfDuties.check(roles);
        return new Account(
                UUID.randomUUID(),
                username,
                displayName,
                passwordHash,
                now,
                false,
                totpSecret,
                mayUnmask,
                true,
                roles.stream().map(Grant::new).collect(Collectors.toSet()),
                units.stream().map(ScopeUnit::new).collect(Collectors.toSet()),
                organisations.stream().map(ScopeOrganisation::new).collect(Collectors.toSet()),
                null);
    }

    /**
     * Changes what the account may do: roles (under 三权分立), scope, the unmask permission and whether it may sign in
     * at all. A TOTP secret is given when the change makes one necessary and the account has none; returns whether
     * the account got that new secret (its replay guard must then be forgotten).
     */
    public boolean regrant(
            Set<Role> newRoles,
            Set<UUID> units,
            Set<UUID> organisations,
            boolean unmask,
            boolean active,
            String newTotpSecret) {
        SeparationOfDuties.check(newRoles);
        roles = newRoles.stream().map(Grant::new).collect(Collectors.toSet());
        scopeUnits = units.stream().map(ScopeUnit::new).collect(Collectors.toSet());
        scopeOrganisations = organisations.stream().map(ScopeOrganisation::new).collect(Collectors.toSet());
        mayUnmask = unmask;
        enabled = active;
        if (totpSecret == null && newTotpSecret != null) {
            totpSecret = newTotpSecret;
            return true;
        }
        return false;
    }

    /** A password the 安全管理员 set: it works once more, to sign in and choose a new one. */
    public void resetPassword(String hash, Instant now) {
        passwordHash = hash;
        passwordChangedAt = now;
        passwordMustChange = true;
    }

    /** The account holder's own new password. */
    public void changePassword(String hash, Instant now) {
        passwordHash = hash;
        passwordChangedAt = now;
        passwordMustChange = false;
    }

    /** A new TOTP secret (encrypted), replacing a lost or exposed one. */
    public void reenrol(String encryptedSecret) {
        totpSecret = encryptedSecret;
    }

    /** Whether the account may sign in at all. */
    public void enable(boolean active) {
        enabled = active;
    }

    public boolean passwordMustChange() {
        return passwordMustChange;
    }

    /** What the audit trail keeps of the account's rights. */
    public Map<String, Object> summary() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("roles", roles().toString());
        m.put("units", scopeUnits().size());
        m.put("organisations", scopeOrganisations().size());
        m.put("mayUnmask", mayUnmask);
        m.put("enabled", enabled);
        return m;
    }

    /** Whether signing in needs a TOTP code: administrators and anyone who may unmask personal data always do. */
    public boolean needsSecondFactor() {
        return roles().stream().anyMatch(Role::administrator) || mayUnmask || totpSecret != null;
    }

    public boolean mayUnmask() {
        return mayUnmask;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public String totpSecret() {
        return totpSecret;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(g -> set.add(g.role()));
        return set;
    }

    public Set<UUID> scopeUnits() {
        return scopeUnits.stream().map(ScopeUnit::unitId).collect(Collectors.toUnmodifiableSet());
    }

    public Set<UUID> scopeOrganisations() {
        return scopeOrganisations.stream()
                .map(ScopeOrganisation::organisationId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Long version() {
        return version;
    }

    @Table(schema = "identity", name = "account_role")
    record Grant(Role role) {}

    @Table(schema = "identity", name = "account_scope_unit")
    record ScopeUnit(UUID unitId) {}

    @Table(schema = "identity", name = "account_scope_organisation")
    record ScopeOrganisation(UUID organisationId) {}
}
