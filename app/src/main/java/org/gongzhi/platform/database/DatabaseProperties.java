package org.gongzhi.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. Environment variables {@code GONGZHI_DB_URL}, {@code GONGZHI_DB_USER} and
 * {@code GONGZHI_DB_PASSWORD} bind to {@code gongzhi.db.*}; with no URL an embedded PostgreSQL keeps its files in
 * {@code embeddedDataDir}. The embedded server is durable unless {@code embeddedDurable} is false (tests only): every
 * acknowledged commit is flushed to disk ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on).
 */
@ConfigurationProperties("gongzhi.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        String embeddedDataDir,
        boolean embeddedCleanStart,
        Boolean embeddedDurable,
        int maximumPoolSize) {

    public DatabaseProperties {
        if (embeddedDataDir == null || embeddedDataDir.isBlank()) {
            embeddedDataDir = "data/pg";
        }
        if (embeddedDurable == null) {
            embeddedDurable = true;
        }
        if (maximumPoolSize <= 0) {
            maximumPoolSize = 10;
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
