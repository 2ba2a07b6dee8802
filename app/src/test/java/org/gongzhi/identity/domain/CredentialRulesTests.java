package org.gongzhi.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.identity.Role;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.Violations;
import org.junit.jupiter.api.Test;

class CredentialRulesTests {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    static List<String> problems(PasswordPolicy policy, String user, String password) {
        Violations v = new Violations();
        policy.check(user, password, "password", v);
        return v.list().stream().map(x -> x.code()).toList();
    }

    @Test
    void a_password_needs_eight_characters_at_least() {
        PasswordPolicy policy = PasswordPolicy.standard();
        assertThat(problems(policy, "wang", "Gz-2026x")).isEmpty();
        assertThat(problems(policy, "wang", "Gz-2026")).containsExactly("identity.password.length");
        assertThat(problems(new PasswordPolicy(4, false, null, Set.of()), "wang", "abcdefg"))
                .as("configured below 8, the floor of 8 still holds")
                .containsExactly("identity.password.length");
        assertThat(problems(new PasswordPolicy(12, false, null, Set.of()), "wang", "abcdefghijk"))
                .containsExactly("identity.password.length");
    }

    @Test
    void a_password_bcrypt_would_cut_is_refused_at_72_bytes() {
        PasswordPolicy policy = PasswordPolicy.standard();
        assertThat(problems(policy, "wang", "Gz-2026x" + "a".repeat(64))).isEmpty();
        assertThat(problems(policy, "wang", "Gz-2026x" + "a".repeat(65))).containsExactly("identity.password.too-long");
        // 8 + 60 + 4 = 72 bytes: the limit itself; one more byte is over it.
        assertThat(problems(policy, "wang", "Gz-2026x" + "共治".repeat(10) + "ab12"))
                .isEmpty();
        assertThat(problems(policy, "wang", "Gz-2026x" + "共治".repeat(10) + "ab12c"))
                .containsExactly("identity.password.too-long");
    }

    @Test
    void composition_is_three_of_four_character_classes_and_can_be_switched_off() {
        PasswordPolicy policy = PasswordPolicy.standard();
        assertThat(problems(policy, "wang", "gongzhigz26")).containsExactly("identity.password.composition");
        assertThat(problems(policy, "wang", "gongzhiGz26")).isEmpty();
        assertThat(problems(policy, "wang", "gongzhi-gz26")).isEmpty();
        assertThat(problems(new PasswordPolicy(8, false, null, Set.of()), "wang", "gongzhigz26"))
                .isEmpty();
    }

    @Test
    void common_passwords_and_the_user_name_are_refused() {
        PasswordPolicy policy = PasswordPolicy.standard();
        assertThat(problems(policy, "wang", "P@ssw0rd!")).contains("identity.password.common");
        assertThat(problems(policy, "wang", "Woaini1314")).contains("identity.password.common");
        assertThat(problems(policy, "zhangsan", "Zhangsan#2026"))
                .containsExactly("identity.password.contains-username");
        assertThat(PasswordPolicy.commonPasswords()).contains("123456", "woaini1314", "admin@123");
    }

    @Test
    void rotation_when_switched_on_is_due_on_the_day() {
        PasswordPolicy policy = new PasswordPolicy(8, true, Duration.ofDays(90), Set.of());
        assertThat(policy.expired(T0, T0.plus(Duration.ofDays(90)).minusSeconds(1)))
                .isFalse();
        assertThat(policy.expired(T0, T0.plus(Duration.ofDays(90)))).isTrue();
        assertThat(PasswordPolicy.standard().expired(T0, T0.plus(Duration.ofDays(3650))))
                .isFalse();
    }

    @Test
    void five_failures_within_fifteen_minutes_lock_for_fifteen_minutes() {
        LockoutPolicy policy = LockoutPolicy.standard();
        List<Instant> failures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            failures.add(T0.plus(Duration.ofMinutes(i)));
        }
        assertThat(policy.locked(failures, T0.plus(Duration.ofMinutes(4)))).isFalse();
        // The fifth failure exactly fifteen minutes after the first still counts.
        failures.add(T0.plus(Duration.ofMinutes(15)));
        assertThat(policy.lockedUntil(failures)).contains(T0.plus(Duration.ofMinutes(30)));
        assertThat(policy.locked(failures, T0.plus(Duration.ofMinutes(30)).minusMillis(1)))
                .isTrue();
        assertThat(policy.locked(failures, T0.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void five_failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
        LockoutPolicy policy = LockoutPolicy.standard();
        List<Instant> failures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            failures.add(T0.plus(Duration.ofMinutes(i)));
        }
        failures.add(T0.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(policy.lockedUntil(failures)).isEmpty();
        assertThat(policy.relevant(failures, T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void a_session_ends_after_thirty_idle_minutes_or_twelve_hours() {
        SessionLimits limits = SessionLimits.standard();
        assertThat(limits.ended(
                        T0,
                        T0.plus(Duration.ofMinutes(10)),
                        T0.plus(Duration.ofMinutes(40)).minusMillis(1)))
                .isFalse();
        assertThat(limits.ended(T0, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(40))))
                .isTrue();
        Instant busy = T0.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(1));
        assertThat(limits.ended(T0, busy, T0.plus(Duration.ofHours(12)).minusMillis(1)))
                .isFalse();
        assertThat(limits.ended(T0, busy, T0.plus(Duration.ofHours(12)))).isTrue();
    }

    @Test
    void totp_matches_the_rfc_6238_test_vectors() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111111))))
                .isEqualTo("050471");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
    }

    @Test
    void a_totp_code_is_accepted_one_step_either_side_and_never_twice() {
        String secret = Totp.newSecret(new SecureRandom());
        byte[] raw = Totp.fromBase32(secret);
        Instant now = T0.plusSeconds(7);
        long step = Totp.step(now);
        String code = Totp.code(raw, step);
        assertThat(Totp.verify(secret, code, now, Long.MIN_VALUE)).hasValue(step);
        assertThat(Totp.verify(secret, code, now, step)).as("replayed").isEmpty();
        assertThat(Totp.verify(secret, Totp.code(raw, step - 1), now, Long.MIN_VALUE))
                .hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(raw, step + 1), now, Long.MIN_VALUE))
                .hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(raw, step - 2), now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(Totp.verify(secret, Totp.code(raw, step + 2), now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(Totp.verify(secret, "12345", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.enrolmentUri("共治", "wang", secret))
                .startsWith("otpauth://totp/%E5%85%B1%E6%B2%BB%3Awang?secret=" + secret)
                .contains("period=30");
    }

    @Test
    void an_administrator_role_is_held_alone() {
        SeparationOfDuties.check(EnumSet.of(Role.AUDITOR));
        SeparationOfDuties.check(EnumSet.of(Role.STREET_ADMIN, Role.COMMUNITY_WORKER));
        for (var pair : List.of(
                EnumSet.of(Role.SYS_ADMIN, Role.SEC_ADMIN),
                EnumSet.of(Role.SYS_ADMIN, Role.AUDITOR),
                EnumSet.of(Role.SEC_ADMIN, Role.AUDITOR),
                EnumSet.of(Role.SYS_ADMIN, Role.STREET_ADMIN),
                EnumSet.of(Role.STREET_ADMIN, Role.AUDITOR),
                EnumSet.of(Role.SEC_ADMIN, Role.VOLUNTEER))) {
            assertThatThrownBy(() -> SeparationOfDuties.check(pair))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo("identity.roles.separated");
        }
    }
}
