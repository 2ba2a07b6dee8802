package org.gongzhi.platform;

/**
 * Serialises work on one key across threads and application nodes for the rest of the current transaction (a
 * PostgreSQL transaction-level advisory lock). Use it where a rule reads, checks and then writes rows that do not yet
 * exist — counters, rate limits, "at most one" checks — so that two requests cannot both pass the check. Keys live in
 * a named space, so the same key in two spaces never contends. Calling outside a transaction is a programming error.
 */
public interface TransactionLocks {

    /** Waits until this transaction holds the lock on {@code key} in {@code space}; it is released at commit or rollback. */
    void lock(String space, String key);
}
