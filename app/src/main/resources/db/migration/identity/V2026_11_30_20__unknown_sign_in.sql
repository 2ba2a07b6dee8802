-- Failed sign-ins under a name that is no account (or a disabled one) count as an account's do, so that a name being
-- locked out says nothing about whether an account by that name exists. The name is kept only as a keyed hash: it may
-- be a password typed into the wrong field.
create table identity.unknown_sign_in_failure (
    id        bigint generated always as identity primary key,
    name_hash text        not null,
    at        timestamptz not null
);
create index unknown_sign_in_failure_name on identity.unknown_sign_in_failure (name_hash, at);
