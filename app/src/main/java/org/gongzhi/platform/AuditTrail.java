package org.gongzhi.platform;

import java.util.List;

/**
 * The append-only, hash-chained audit log. Records are written in the caller's transaction, so a change and its audit
 * row commit or roll back together; calling outside a transaction is a programming error.
 */
public interface AuditTrail {

    void record(AuditRecord record);

    void recordAll(List<AuditRecord> records);

    /**
     * Records on behalf of a named actor, for the moment an actor becomes known (a sign-in) before the request carries
     * it.
     */
    void record(Actor actor, AuditRecord record);

    /** Recomputes the chain from the first row; names the first row whose hash or link does not match. */
    ChainCheck verify();

    /** The outcome of {@link #verify()}: how many rows were checked and, if the chain is broken, where. */
    record ChainCheck(long rows, Long firstBrokenSequence, String problem) implements java.io.Serializable {

        public boolean intact() {
            return firstBrokenSequence == null;
        }
    }
}
