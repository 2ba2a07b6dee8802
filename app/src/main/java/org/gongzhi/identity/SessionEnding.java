package org.gongzhi.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends an account's open sessions once the change that calls for it commits: a disabled account, a withdrawn role or a
 * reset password stops working on its next request, not at the session's idle limit.
 */
@Component
class SessionEnding {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    SessionEnding(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    void afterCommit(String username) {
        FindByIndexNameSessionRepository<? extends Session> store = sessions.getIfAvailable();
        if (store == null) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store.findByPrincipalName(username).keySet().forEach(store::deleteById);
            }
        });
    }
}
