package org.gongzhi.identity.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AccountRepository extends ListCrudRepository<Account, UUID> {

    Optional<Account> findByUsername(String username);

    @Query("select count(*) from identity.account_role where role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDITOR')")
    long countAdministrators();
}
