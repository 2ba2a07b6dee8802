package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gongzhi.support.LaunchedApplication;
import org.gongzhi.support.OwnEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's one-shot commands for a production installation, run exactly as written against the packaged jar: the
 * first administrator is created once, a second run refuses, and the audit check reports the chain intact.
 */
@OwnEmbeddedDatabase
class ProductionCommandsIT {

    @Test
    void a_new_installation_gets_its_first_administrator_and_its_audit_chain_checks(@TempDir Path installation) {
        Map<String, String> env = new HashMap<>(LaunchedApplication.productionKeys());
        env.put("GONGZHI_ADMIN_PASSWORD", "Erst3r#Verwalter");
        String[] firstAdministrator = {
            "--spring.profiles.active=prod",
            "--spring.main.web-application-type=none",
            "--gongzhi.identity.first-administrator=secadmin"
        };
        var created = LaunchedApplication.run(
                LaunchedApplication.command(installation, env, firstAdministrator), Duration.ofMinutes(3));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output())
                .contains("Created security administrator 'secadmin'")
                .containsPattern("secret: [A-Z2-7]{32}")
                .contains("otpauth://totp/");

        var again = LaunchedApplication.run(
                LaunchedApplication.command(installation, env, firstAdministrator), Duration.ofMinutes(3));
        assertThat(again.exitCode()).as(again.output()).isEqualTo(4);
        assertThat(again.output()).contains("An administrator exists already");

        var verified = LaunchedApplication.run(
                LaunchedApplication.command(
                        installation,
                        env,
                        "--spring.profiles.active=prod",
                        "--gongzhi.audit.verify-and-exit=true",
                        "--spring.main.web-application-type=none"),
                Duration.ofMinutes(3));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).containsPattern("Audit chain intact: [1-9]\\d* rows checked\\.");
    }
}
