package org.gongzhi.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gongzhi.appeal.AppealManagement;
import org.gongzhi.appeal.Channel;
import org.gongzhi.appeal.RegisteredAppeal;
import org.gongzhi.appeal.SubmitAppeal;
import org.gongzhi.open311.domain.ClientStore;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a service request as an appeal (channel OPEN311) for a client whose key was checked, and keeps its token and
 * media URL — in one transaction, so a request is either filed with its token or not at all.
 */
@Service
public class Open311Requests {

    private final AppealManagement appeals;
    private final ClientStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Open311Requests(AppealManagement appeals, ClientStore store, AuditTrail audit, Clock clock) {
        this.appeals = appeals;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A filed request: its id (the tracking code) and the token that also finds it. */
    public record Filed(String serviceRequestId, String token) {}

    @Transactional
    public Filed file(ClientView client, SubmitAppeal submission, String mediaUrl) {
        RegisteredAppeal registered = appeals.submit(submission, List.of(), Channel.OPEN311);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        String code = registered.appeal().trackingCode();
        store.recordRequest(code, token, client.id(), mediaUrl, clock.instant());
        audit.record(AuditRecord.created(
                "open311.request.filed",
                "appeal",
                registered.appeal().id().toString(),
                Map.of("client", client.id().toString(), "trackingCode", code)));
        return new Filed(code, token);
    }
}
