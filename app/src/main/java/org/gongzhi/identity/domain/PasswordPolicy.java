package org.gongzhi.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.gongzhi.shared.Violations;

/**
 * Staff password rules, configurable: a minimum length (never below 8), optional composition (at least three of lower
 * case, upper case, digits and symbols), no password from the list of the most common ones, none containing the user
 * name, and optional rotation after a number of days.
 */
public final class PasswordPolicy {

    public static final int ABSOLUTE_MINIMUM = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused instead. */
    public static final int MAXIMUM = 72;

    private final int minimumLength;
    private final boolean requireComposition;
    private final Duration rotation;
    private final Set<String> common;

    public PasswordPolicy(int minimumLength, boolean requireComposition, Duration rotation, Set<String> common) {
        this.minimumLength = Math.max(ABSOLUTE_MINIMUM, minimumLength);
        this.requireComposition = requireComposition;
        this.rotation = rotation;
        this.common = Set.copyOf(common);
    }

    /** The default policy: 8 characters, composition required, no rotation, the bundled common-password list. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(ABSOLUTE_MINIMUM, true, null, commonPasswords());
    }

    /** The rules as a form shows them before the first attempt. */
    public record Rules(int minimumLength, int maximumBytes, boolean composition, Integer rotationDays) {}

    public Rules rules() {
        return new Rules(minimumLength, MAXIMUM, requireComposition, rotation == null ? null : (int) rotation.toDays());
    }

    /** Adds a violation at {@code field} for every rule {@code password} breaks. */
    public void check(String username, String password, String field, Violations violations) {
        if (password == null || password.length() < minimumLength) {
            violations.add(field, "identity.password.length", minimumLength);
            return;
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAXIMUM) {
            violations.add(field, "identity.password.too-long", MAXIMUM);
            return;
        }
        if (requireComposition && classes(password) < 3) {
            violations.add(field, "identity.password.composition");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            violations.add(field, "identity.password.common");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(field, "identity.password.contains-username");
        }
    }

    /** Whether a password set at {@code changedAt} must be changed at {@code now}. */
    public boolean expired(Instant changedAt, Instant now) {
        return rotation != null && !now.isBefore(changedAt.plus(rotation));
    }

    private static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** The bundled list of common passwords, lower case. */
    public static Set<String> commonPasswords() {
        Set<String> list = new HashSet<>();
        try (var in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> list.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }
}
