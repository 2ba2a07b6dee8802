package org.gongzhi.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTests {

    @Test
    void data_written_before_a_restart_is_there_after_it(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgres first = EmbeddedDatabase.start(data, false, true)) {
            JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
            jdbc.sql("create table kept (name text)").update();
            jdbc.sql("insert into kept values ('二里庄')").update();
        }
        try (EmbeddedPostgres second = EmbeddedDatabase.start(data, false, true)) {
            JdbcClient jdbc = JdbcClient.create(second.getPostgresDatabase());
            assertThat(jdbc.sql("select name from kept").query(String.class).single())
                    .isEqualTo("二里庄");
            assertThat(jdbc.sql("show server_version").query(String.class).single())
                    .startsWith("17.");
        }
    }

    @Test
    void a_server_that_cannot_start_says_how_to_use_an_external_one(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x").resolve("pg");
        assertThatThrownBy(() -> EmbeddedDatabase.start(notADirectory, false, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GONGZHI_DB_URL")
                .hasMessageContaining("GONGZHI_DB_USER");
    }
}
