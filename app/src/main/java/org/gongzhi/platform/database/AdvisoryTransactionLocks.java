package org.gongzhi.platform.database;

import org.gongzhi.platform.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link TransactionLocks} on {@code pg_advisory_xact_lock(int, int)}: the space and the key are hashed to one 32-bit
 * number each. Two keys whose hashes collide share a lock — they wait for each other, which is slower but never wrong.
 */
@Component
class AdvisoryTransactionLocks implements TransactionLocks {

    private final JdbcClient jdbc;

    AdvisoryTransactionLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String space, String key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A transaction lock needs a transaction");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))")
                .params(space, key)
                .query()
                .listOfRows();
    }
}
