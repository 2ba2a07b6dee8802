package org.gongzhi.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credential rules, configurable per installation ({@code gongzhi.identity.*}); the defaults are those of the issue:
 * 8 characters with composition, no rotation, 5 failures in 15 minutes lock for 15 minutes, sessions end after 30 idle
 * minutes or 12 hours.
 */
@ConfigurationProperties("gongzhi.identity")
public record IdentityProperties(
        Integer passwordMinimumLength,
        Boolean passwordComposition,
        Duration passwordRotation,
        Integer lockoutFailures,
        Duration lockoutWindow,
        Duration lockoutDuration,
        Duration sessionIdle,
        Duration sessionAbsolute) {

    public IdentityProperties {
        passwordMinimumLength = passwordMinimumLength == null ? 8 : passwordMinimumLength;
        passwordComposition = passwordComposition == null || passwordComposition;
        lockoutFailures = lockoutFailures == null ? 5 : lockoutFailures;
        lockoutWindow = lockoutWindow == null ? Duration.ofMinutes(15) : lockoutWindow;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        sessionIdle = sessionIdle == null ? Duration.ofMinutes(30) : sessionIdle;
        sessionAbsolute = sessionAbsolute == null ? Duration.ofHours(12) : sessionAbsolute;
    }
}
