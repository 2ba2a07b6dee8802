-- Open311 GeoReport v2 (ADR 0025): clients hold API keys issued by an administrator; only a SHA-256 of each key is
-- kept (keys are 32 random bytes, so a plain digest cannot be searched back), with a short prefix to tell keys apart.
-- A revoked key stays on record. Each request a client filed keeps its token and media_url here; the appeal itself is
-- the appeal module's.
create schema if not exists open311;

create table open311.client (
    id          uuid          primary key,
    name        varchar(100)  not null,
    key_hash    char(64)      not null unique,
    key_prefix  varchar(8)    not null,
    created_at  timestamptz   not null,
    created_by  varchar(100)  not null,
    revoked_at  timestamptz,
    revoked_by  varchar(100),
    last_used_at timestamptz
);

create table open311.request (
    tracking_code varchar(12)   primary key,
    token         varchar(32)   not null unique,
    client_id     uuid          not null references open311.client (id),
    media_url     varchar(500),
    requested_at  timestamptz   not null
);
