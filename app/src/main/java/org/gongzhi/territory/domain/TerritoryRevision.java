package org.gongzhi.territory.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A counter raised by every committed change of the territory. Each application node compares it with the revision
 * its in-memory index was built from, so that several nodes sharing one database all see a change.
 */
@Component
public class TerritoryRevision {

    private final JdbcClient jdbc;

    TerritoryRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void bump() {
        jdbc.sql("update territory.revision set value = value + 1 where id = 1").update();
    }

    public long current() {
        return jdbc.sql("select value from territory.revision where id = 1")
                .query(Long.class)
                .single();
    }
}
