-- Residents sign in with a mobile number and a one-time code. Personal data is stored encrypted (AES-GCM tokens)
-- with keyed hashes for exact lookup; nothing here is readable without the application's keys.
create table identity.resident (
    id                uuid primary key,
    phone_cipher      varchar(200) not null,
    phone_hash        char(64)     not null unique,
    created_at        timestamptz  not null,
    last_signed_in_at timestamptz,
    version           bigint       not null
);

-- One-time codes: only a keyed hash of the code is kept; the client address is kept as a keyed hash too.
create table identity.one_time_code (
    id           uuid primary key,
    phone_hash   char(64)    not null,
    address_hash char(64)    not null,
    code_hash    char(64)    not null,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    attempts     integer     not null default 0,
    used_at      timestamptz
);
create index one_time_code_phone on identity.one_time_code (phone_hash, requested_at);
create index one_time_code_address on identity.one_time_code (address_hash, requested_at);

-- The permission to open masked personal data (with a reason, audited); it requires a second factor.
alter table identity.account add column may_unmask boolean not null default false;
