package org.gongzhi.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** PostgreSQL everywhere (ADR 0002): an external server when {@code GONGZHI_DB_URL} is set, else an embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gongzhi");
        config.setMaximumPoolSize(properties.maximumPoolSize());
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
            return new HikariDataSource(config);
        }
        String dir = properties.embeddedDataDir();
        EmbeddedPostgres pg =
                EmbeddedDatabase.acquire(dir, properties.embeddedCleanStart(), properties.embeddedDurable());
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        // Closing the pool (at the end of the context) releases the server, after everything that used it.
        return new HikariDataSource(config) {
            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    EmbeddedDatabase.release(dir);
                }
            }
        };
    }
}
