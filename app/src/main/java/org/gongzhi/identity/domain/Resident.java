package org.gongzhi.identity.domain;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A resident known by an encrypted mobile number; the number is found again through its keyed hash only. */
@Table(schema = "identity", name = "resident")
public class Resident {

    @Id
    private final UUID id;

    private final String phoneCipher;
    private final String phoneHash;
    private final Instant createdAt;
    private Instant lastSignedInAt;

    @Version
    private Long version;

    @PersistenceCreator
    Resident(UUID id, String phoneCipher, String phoneHash, Instant createdAt, Instant lastSignedInAt, Long version) {
        this.id = id;
        this.phoneCipher = phoneCipher;
        this.phoneHash = phoneHash;
        this.createdAt = createdAt;
        this.lastSignedInAt = lastSignedInAt;
        this.version = version;
    }

    public static Resident register(String phoneCipher, String phoneHash, Instant now) {
        return new Resident(UUID.randomUUID(), phoneCipher, phoneHash, now, null, null);
    }

    public void signedIn(Instant at) {
        lastSignedInAt = at;
    }

    public UUID id() {
        return id;
    }

    public String phoneCipher() {
        return phoneCipher;
    }

    public String phoneHash() {
        return phoneHash;
    }
}
