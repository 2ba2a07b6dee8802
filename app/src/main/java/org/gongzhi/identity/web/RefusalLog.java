package org.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongzhi.platform.AuditRecord;
import org.gongzhi.platform.AuditTrail;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes security refusals (a forged or missing CSRF token …) to the audit trail without letting one client flood it:
 * each client address gets {@link #BUDGET} rows a minute; refusals beyond that are counted, and the first row of the
 * next minute says how many were left out. The count is kept per application node.
 */
final class RefusalLog {

    static final int BUDGET = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many addresses in memory, windows that have ended are dropped before a new one is opened. */
    private static final int MAX_ADDRESSES = 10_000;

    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RefusalLog(AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    private record Window(Instant start, int recorded, int suppressed) {}

    void refused(String action, HttpServletRequest request) {
        Instant now = clock.instant();
        String address = String.valueOf(request.getRemoteAddr());
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> !current(w, now));
        }
        int[] leftOut = {0};
        boolean[] record = {false};
        windows.compute(address, (a, w) -> {
            if (w == null || !current(w, now)) {
                leftOut[0] = w == null ? 0 : w.suppressed();
                record[0] = true;
                return new Window(now, 1, 0);
            }
            if (w.recorded() < BUDGET) {
                record[0] = true;
                return new Window(w.start(), w.recorded() + 1, w.suppressed());
            }
            return new Window(w.start(), w.recorded(), w.suppressed() + 1);
        });
        if (!record[0]) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", request.getMethod());
        details.put("path", request.getRequestURI());
        if (leftOut[0] > 0) {
            details.put("notRecordedBefore", leftOut[0]);
        }
        transaction.executeWithoutResult(t -> audit.record(AuditRecord.created(action, "request", null, details)));
    }

    /** A window is current from its start for one minute; a clock set back starts a new one. */
    private static boolean current(Window w, Instant now) {
        return !now.isBefore(w.start()) && now.isBefore(w.start().plus(WINDOW));
    }
}
