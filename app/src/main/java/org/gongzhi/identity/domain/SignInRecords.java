package org.gongzhi.identity.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.gongzhi.platform.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What signing in leaves behind, apart from the account: failed attempts (for the lockout) and the last TOTP step
 * accepted (against replay). Callers take {@link #lock} first, so the check of these rows and the write that follows
 * happen as one step however many sign-ins for the account arrive at once.
 */
@Component
public class SignInRecords {

    static final String LOCK_SPACE = "account-sign-in";

    private final JdbcClient jdbc;
    private final TransactionLocks locks;

    SignInRecords(JdbcClient jdbc, TransactionLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    /** Holds the account's sign-in lock until the transaction ends. */
    public void lock(UUID account) {
        locks.lock(LOCK_SPACE, account.toString());
    }

    /** Keeps when the account last signed in (a row of its own: the account is not touched). */
    public void signedIn(UUID account, Instant at) {
        jdbc.sql("insert into identity.last_sign_in (account_id, at) values (?, ?)"
                        + " on conflict (account_id) do update set at = excluded.at")
                .params(account, Timestamp.from(at))
                .update();
    }

    /** When the account last signed in, if it ever did. */
    public java.util.Optional<Instant> lastSignIn(UUID account) {
        return jdbc.sql("select at from identity.last_sign_in where account_id = ?")
                .param(account)
                .query((rs, n) -> rs.getTimestamp("at").toInstant())
                .optional();
    }

    /** When each account last signed in; accounts that never did are left out. */
    public java.util.Map<UUID, Instant> lastSignIns() {
        java.util.Map<UUID, Instant> last = new java.util.HashMap<>();
        jdbc.sql("select account_id, at from identity.last_sign_in")
                .query((rs, n) -> last.put(
                        rs.getObject("account_id", UUID.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
        return last;
    }

    /** How many failed attempts each account has had since {@code since}. */
    public java.util.Map<UUID, Integer> failureCountsSince(Instant since) {
        java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select account_id, count(*) as n from identity.sign_in_failure where at >= ? group by account_id")
                .param(Timestamp.from(since))
                .query((rs, n) -> counts.put(rs.getObject("account_id", UUID.class), rs.getInt("n")))
                .list();
        return counts;
    }

    /** The account's failed attempts since {@code since}, oldest first. */
    public List<Instant> failuresSince(UUID account, Instant since) {
        return jdbc
                .sql("select at from identity.sign_in_failure where account_id = ? and at >= ? order by at, id")
                .params(account, Timestamp.from(since))
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    public void addFailure(UUID account, Instant at) {
        jdbc.sql("insert into identity.sign_in_failure (account_id, at) values (?, ?)")
                .params(account, Timestamp.from(at))
                .update();
    }

    /** After a successful sign-in (or an unlock) earlier failures no longer count. */
    /** Failures under a name that is no account, by the name's keyed hash, since {@code since}, oldest first. */
    public List<Instant> unknownFailuresSince(String nameHash, Instant since) {
        return jdbc.sql(
                        "select at from identity.unknown_sign_in_failure where name_hash = ? and at >= ? order by at, id")
                .params(nameHash, Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp("at").toInstant())
                .list();
    }

    /** Records a failure under a name that is no account; failures of any name older than {@code horizon} go. */
    public void addUnknownFailure(String nameHash, Instant at, Instant horizon) {
        jdbc.sql("delete from identity.unknown_sign_in_failure where at < ?")
                .param(Timestamp.from(horizon))
                .update();
        jdbc.sql("insert into identity.unknown_sign_in_failure (name_hash, at) values (?, ?)")
                .params(nameHash, Timestamp.from(at))
                .update();
    }

    public void clearFailures(UUID account) {
        jdbc.sql("delete from identity.sign_in_failure where account_id = ?")
                .param(account)
                .update();
    }

    /** Forgets the account's failures too old to lock or extend a lock. */
    public void forgetFailuresBefore(UUID account, Instant horizon) {
        jdbc.sql("delete from identity.sign_in_failure where account_id = ? and at < ?")
                .params(account, Timestamp.from(horizon))
                .update();
    }

    public OptionalLong lastStep(UUID account) {
        return jdbc.sql("select last_step from identity.second_factor_step where account_id = ?")
                .param(account)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    public void acceptStep(UUID account, long step) {
        jdbc.sql("insert into identity.second_factor_step (account_id, last_step) values (?, ?)"
                        + " on conflict (account_id) do update set last_step = excluded.last_step")
                .params(account, step)
                .update();
    }

    /** A new TOTP secret starts without a replay guard. */
    public void forgetSteps(UUID account) {
        jdbc.sql("delete from identity.second_factor_step where account_id = ?")
                .param(account)
                .update();
    }
}
