package org.gongzhi.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.gongzhi.identity.PhoneCodes;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.gongzhi.platform.PersonalDataCipher;
import org.gongzhi.shared.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents sign in with a mobile number and a six-digit code sent by SMS ({@link PhoneCodes}, purpose {@code
 * SIGN_IN}: 5 minutes, 5 tries, once; limited per number and per client address). A resident is registered at their
 * first sign-in; the number is kept encrypted with a keyed hash to find it.
 */
@Service
public class ResidentSignIns {

    private final PhoneCodes codes;
    private final ResidentRepository residents;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    ResidentSignIns(
            PhoneCodes codes, ResidentRepository residents, PersonalDataCipher cipher, AuditTrail audit, Clock clock) {
        this.codes = codes;
        this.residents = residents;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends a sign-in code to {@code phone} unless a limit is reached. */
    public PhoneCodes.CodeRequest sendCode(PhoneNumber phone, String address) {
        return codes.send(phone, PhoneCodes.Purpose.SIGN_IN, address);
    }

    /**
     * Checks a code for {@code phone}; on success the resident (registered at first sign-in) is returned and the code
     * is used up. A wrong code counts against the latest code's attempts.
     */
    @Transactional
    public Optional<Resident> signIn(PhoneNumber phone, String code) {
        return codes.use(phone, PhoneCodes.Purpose.SIGN_IN, code).map(phoneHash -> {
            Instant now = clock.instant();
            Resident resident = residents
                    .findByPhoneHash(phoneHash)
                    .orElseGet(
                            () -> Resident.register(cipher.encrypt("resident.phone", phone.value()), phoneHash, now));
            resident.signedIn(now);
            resident = residents.save(resident);
            audit.record(AuditRecord.created(
                    "identity.resident.signed-in", "resident", resident.id().toString(), Map.of()));
            return resident;
        });
    }
}
