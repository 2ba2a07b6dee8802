package org.gongzhi.listing.domain;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A count of committed changes to the lists, so that matching rebuilds its indexes only after something changed. It
 * moves once the writing transaction commits: an index built meanwhile reads the old rows and is rebuilt next time.
 */
@Component
public class ListingChanges {

    private final AtomicLong generation = new AtomicLong();

    /** Marks a change, effective when the current transaction (if any) commits. */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    public long generation() {
        return generation.get();
    }
}
