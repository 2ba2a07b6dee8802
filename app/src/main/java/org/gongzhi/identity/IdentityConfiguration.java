package org.gongzhi.identity;

import org.gongzhi.identity.domain.LockoutPolicy;
import org.gongzhi.identity.domain.LoggingSmsSender;
import org.gongzhi.identity.domain.PasswordPolicy;
import org.gongzhi.identity.domain.SessionLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The credential rules as configured for this installation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /** bcrypt by default; the {id} prefix lets stored hashes move to Argon2id later without a flag day. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Logs codes in development and the demo; production without a gateway sends nothing and says so. */
    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender smsSender(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            return (to, text) -> {
                throw new IllegalStateException(
                        "No SMS gateway is configured: resident sign-in by code is unavailable");
            };
        }
        return new LoggingSmsSender();
    }

    @Bean
    PasswordPolicy passwordPolicy(IdentityProperties p) {
        return new PasswordPolicy(
                p.passwordMinimumLength(),
                p.passwordComposition(),
                p.passwordRotation(),
                PasswordPolicy.commonPasswords());
    }

    @Bean
    LockoutPolicy lockoutPolicy(IdentityProperties p) {
        return new LockoutPolicy(p.lockoutFailures(), p.lockoutWindow(), p.lockoutDuration());
    }

    @Bean
    SessionLimits sessionLimits(IdentityProperties p) {
        return new SessionLimits(p.sessionIdle(), p.sessionAbsolute());
    }
}
