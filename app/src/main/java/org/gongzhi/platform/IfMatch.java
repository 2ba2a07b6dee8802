package org.gongzhi.platform;

import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;

/**
 * If-Match (RFC 9110 §13.1.1) against a resource whose entity tag is its version, {@code "<n>"}. {@code *} matches any
 * current version; a list matches when one of its tags does; comparison is strong, so a weak tag ({@code W/"1"})
 * never matches; {@code "01"} is not {@code "1"}. The caller compares the returned version with the current one and
 * answers a mismatch with 412.
 */
public final class IfMatch {

    private static final Pattern STRONG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");
    private static final Pattern TAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7E]*\"");

    private IfMatch() {}

    /**
     * Runs {@code change} with the version the header names (see {@link #expectedVersion}) and answers the domain's
     * stale-version conflict {@code staleCode} — thrown when the stored version moved, before or during the change —
     * as 412: the precondition the client sent no longer holds; a header of weak tags only is 412 {@code
     * if-match.unknown-tag}. Other refusals pass through unchanged.
     */
    public static <T> T change(
            String header, long current, String missingCode, String staleCode, LongFunction<T> change) {
        long expected = expectedVersion(header, current, missingCode);
        if (expected < 0) {
            // Only tags this resource never issued (weak ones): nothing to name as "the version you read".
            throw new DomainException(ErrorKind.PRECONDITION_FAILED, "if-match.unknown-tag", List.of(), List.of());
        }
        try {
            return change.apply(expected);
        } catch (DomainException e) {
            throw e.code().equals(staleCode) ? e.as(ErrorKind.PRECONDITION_FAILED) : e;
        }
    }

    /**
     * The version the request may change: {@code current} when the header matches it, else the first strong tag's
     * version, or -1 (no version) when the header holds only weak tags. A missing header is 428 with {@code
     * missingCode}; one that is not a list of entity tags is 400 {@code if-match.malformed}.
     */
    public static long expectedVersion(String header, long current, String missingCode) {
        if (header == null || header.isBlank()) {
            throw new DomainException(ErrorKind.PRECONDITION_REQUIRED, missingCode, List.of(), List.of());
        }
        if (header.strip().equals("*")) {
            return current;
        }
        boolean anyStrong = false;
        long first = -1;
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (!TAG.matcher(tag).matches()) {
                throw DomainException.invalid("if-match.malformed");
            }
            var strong = STRONG.matcher(tag);
            if (strong.matches()) {
                long version = Long.parseLong(strong.group(1));
                if (version == current) {
                    return current;
                }
                if (!anyStrong) {
                    first = version;
                    anyStrong = true;
                }
            }
        }
        // Only weak tags: none can match, and versions are never negative.
        return anyStrong ? first : -1;
    }
}
