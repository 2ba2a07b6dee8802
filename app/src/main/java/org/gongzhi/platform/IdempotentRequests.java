package org.gongzhi.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.ErrorKind;
import org.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency-Key for POST (draft-ietf-httpapi-idempotency-key-header): the first request under a key does the work and
 * its response is kept; a repeat with the same body gets that response again and changes nothing; a repeat with another
 * body is refused, 422 {@code idempotency.key-reused}. Keys belong to whoever sent them (an account, a resident, or
 * the anonymous public), so one sender cannot read another's response. The key row is written in the transaction that
 * does the work: a repeat sent while the first is running waits for it, then replays it; if the first failed, the
 * repeat does the work itself. Kept responses are encrypted (they may hold a secret such as a tracking token).
 */
@Component
public class IdempotentRequests {

    /** A response to keep and replay: the status, the Location header (or null) and the JSON body. */
    public record Response(int status, String location, String body) {}

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final String PURPOSE = "idempotency.response";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once for ({@code owner}, {@code key}): the response it returns is kept and given back to every
     * repeat whose {@code body} is the same. A key that is not 1–255 visible ASCII characters is refused, 400
     * {@code idempotency.key-invalid}.
     */
    @Transactional
    public Response once(String owner, String key, String body, Supplier<Response> work) {
        if (!KEY.matcher(key).matches()) {
            throw new DomainException(
                    ErrorKind.INVALID,
                    "idempotency.key-invalid",
                    List.of(),
                    List.of(Violation.of("Idempotency-Key", "idempotency.key-invalid")));
        }
        String hash = org.gongzhi.shared.Digests.sha256Hex(body);
        int inserted = jdbc.sql("insert into platform.idempotency_key (owner, key, request_hash, created_at)"
                        + " values (:owner, :key, :hash, :at) on conflict do nothing")
                .param("owner", owner)
                .param("key", key)
                .param("hash", hash)
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        if (inserted == 0) {
            Kept kept = jdbc.sql("select request_hash, status, location, body from platform.idempotency_key"
                            + " where owner = :owner and key = :key")
                    .param("owner", owner)
                    .param("key", key)
                    .query((rs, n) ->
                            new Kept(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
                    .single();
            if (!hash.equals(kept.hash())) {
                throw new DomainException(
                        ErrorKind.UNPROCESSABLE,
                        "idempotency.key-reused",
                        List.of(),
                        List.of(Violation.of("Idempotency-Key", "idempotency.key-reused")));
            }
            if (kept.status() == null) {
                throw DomainException.conflict("request.concurrent-edit");
            }
            return new Response(kept.status(), kept.location(), cipher.decrypt(PURPOSE, kept.body()));
        }
        Response response = work.get();
        jdbc.sql("update platform.idempotency_key set status = :status, location = :location, body = :body"
                        + " where owner = :owner and key = :key")
                .param("status", response.status())
                .param("location", response.location())
                .param("body", cipher.encrypt(PURPOSE, response.body()))
                .param("owner", owner)
                .param("key", key)
                .update();
        return response;
    }

    private record Kept(String hash, Integer status, String location, String body) {}
}
