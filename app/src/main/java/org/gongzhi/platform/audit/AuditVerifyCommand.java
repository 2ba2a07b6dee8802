package org.gongzhi.platform.audit;

import org.gongzhi.platform.AuditTrail;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --gongzhi.audit.verify-and-exit=true}: checks the audit chain, prints the outcome and exits with 0 when it is
 * intact, 3 when it is broken.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("gongzhi.audit.verify-and-exit")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditTrail audit;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditTrail audit, ConfigurableApplicationContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditTrail.ChainCheck check = audit.verify();
        if (check.intact()) {
            System.out.println("Audit chain intact: " + check.rows() + " rows checked.");
        } else {
            System.out.println("Audit chain BROKEN at sequence " + check.firstBrokenSequence() + " (" + check.problem()
                    + "), after " + check.rows() + " rows.");
        }
        int code = check.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
