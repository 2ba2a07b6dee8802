package org.gongzhi.identity;

import java.security.SecureRandom;
import java.util.Set;
import org.gongzhi.identity.domain.Totp;
import org.gongzhi.shared.DomainException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time command that creates the first administrator of a new installation (production has no default
 * account): {@code --gongzhi.identity.first-administrator=<user name>} with the password in
 * {@code GONGZHI_ADMIN_PASSWORD}. It creates a 安全管理员 (SEC_ADMIN, who opens the other accounts), prints the TOTP
 * secret and enrolment URI once, and exits; it refuses when any administrator exists already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty("gongzhi.identity.first-administrator")
class FirstAdministratorCommand implements ApplicationRunner {

    private final AccountManagement accounts;
    private final TransactionTemplate transaction;
    private final ConfigurableApplicationContext context;

    FirstAdministratorCommand(
            AccountManagement accounts, TransactionTemplate transaction, ConfigurableApplicationContext context) {
        this.accounts = accounts;
        this.transaction = transaction;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = context.getEnvironment().getProperty("gongzhi.identity.first-administrator");
        String password = System.getenv("GONGZHI_ADMIN_PASSWORD");
        int code;
        if (password == null || password.isBlank()) {
            System.out.println("Set GONGZHI_ADMIN_PASSWORD to the first administrator's password.");
            code = 2;
        } else if (accounts.anyAdministrator()) {
            System.out.println("An administrator exists already; open further accounts from the administration pages.");
            code = 4;
        } else {
            String secret = Totp.newSecret(new SecureRandom());
            try {
                transaction.executeWithoutResult(s -> accounts.open(new OpenAccount(
                        username, "安全管理员", password, Set.of(Role.SEC_ADMIN), Set.of(), Set.of(), false, secret)));
            } catch (DomainException e) {
                System.out.println("Refused: "
                        + e.violations().stream()
                                .map(v -> v.location() + " " + v.code())
                                .toList());
                int refused = 2;
                System.exit(SpringApplication.exit(context, () -> refused));
                return;
            }
            System.out.println("Created security administrator '" + username
                    + "'. Add this to an authenticator app now;" + " it is not shown again:");
            System.out.println("  secret: " + secret);
            System.out.println("  " + Totp.enrolmentUri("共治 Gongzhi", username, secret));
            code = 0;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
