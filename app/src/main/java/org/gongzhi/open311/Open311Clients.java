package org.gongzhi.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhi.open311.domain.ClientStore;
import org.gongzhi.platform.ActorResolver;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.Permissions;
import org.gongzhi.shared.Digests;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Text;
import org.gongzhi.shared.Violations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The machine clients of Open311 and their API keys (ADR 0025): a key is 32 random bytes (URL-safe Base64, 43
 * characters), shown once when issued; only its SHA-256 and first 6 characters are kept. Issued, listed and revoked by
 * the system administrator (403 otherwise); every issue and revocation is audited. A revoked key is refused at once.
 */
@Service
@Transactional
public class Open311Clients {

    private final ClientStore store;
    private final Permissions may;
    private final ActorResolver actors;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Open311Clients(ClientStore store, Permissions may, ActorResolver actors, AuditTrail audit, Clock clock) {
        this.store = store;
        this.may = may;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key just issued: the only time it is ever shown. */
    public record IssuedKey(ClientView client, String key) {}

    /** Issues a key for a client named {@code name} (1–100 characters; 400 on {@code name} otherwise). */
    public IssuedKey issue(String name) {
        may.require(Open311Permission.MANAGE_CLIENTS);
        Violations v = new Violations();
        String n = Text.checkText(name, "name", 100, v);
        if (n == null) {
            v.add("name", "validation.NotBlank", "name");
        }
        v.throwIfAny();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        store.insert(
                id,
                n,
                Digests.sha256Hex(key),
                key.substring(0, 6),
                clock.instant(),
                actors.current().name());
        audit.record(AuditRecord.created("open311.client.issued", "open311-client", id.toString(), Map.of("name", n)));
        return new IssuedKey(store.find(id).orElseThrow(), key);
    }

    @Transactional(readOnly = true)
    public List<ClientView> list() {
        may.require(Open311Permission.MANAGE_CLIENTS);
        return store.all();
    }

    /** Revokes a client's key; 404 {@code open311.client.not-found}, 409 {@code open311.client.already-revoked} if it was. */
    public ClientView revoke(UUID id) {
        may.require(Open311Permission.MANAGE_CLIENTS);
        ClientView c = store.find(id).orElseThrow(() -> DomainException.notFound("open311.client.not-found"));
        if (!store.revoke(id, clock.instant(), actors.current().name())) {
            throw DomainException.conflict("open311.client.already-revoked");
        }
        audit.record(AuditRecord.created(
                "open311.client.revoked", "open311-client", id.toString(), Map.of("name", c.name())));
        return store.find(id).orElseThrow();
    }

    /** The active client holding {@code key}, noting its use; empty for a missing, unknown or revoked key. */
    public Optional<ClientView> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        Optional<ClientView> client = store.active(Digests.sha256Hex(key.strip()));
        client.ifPresent(c -> store.used(c.id(), clock.instant()));
        return client;
    }
}
