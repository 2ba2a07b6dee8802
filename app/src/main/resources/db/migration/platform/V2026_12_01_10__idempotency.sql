-- Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first response to a key, replayed to its repeats.
-- The row is inserted in the transaction that does the work, so a repeat arriving meanwhile waits for its outcome.
create table platform.idempotency_key (
    owner        varchar(120) not null,
    key          varchar(255) not null,
    request_hash char(64)     not null,
    status       int,
    location     text,
    body         text,
    created_at   timestamptz  not null,
    primary key (owner, key)
);
create index idempotency_key_created on platform.idempotency_key (created_at);
