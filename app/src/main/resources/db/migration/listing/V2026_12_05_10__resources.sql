-- 一库三清单: the 资源清单 and the bookings of its bookable resources (ADR 0027).
-- btree_gist lets one exclusion constraint compare a resource id with = and a time range with &&.
create extension if not exists btree_gist;

create schema if not exists listing;

create table listing.resource (
    id             uuid primary key,
    provider_id    uuid         not null,
    name           varchar(100) not null,
    kind           varchar(30)  not null check (kind in ('VENUE', 'FACILITY', 'SPORTS_CULTURE_BASE', 'HARDWARE',
                                                         'SOFTWARE_COURSE', 'TALENT')),
    openness       varchar(10)  not null check (openness in ('OPEN', 'POOLED', 'SHARED')),
    capacity       integer check (capacity between 1 and 100000),
    latitude       numeric(9, 6) not null check (latitude between -90 and 90),
    longitude      numeric(9, 6) not null check (longitude between -180 and 180),
    address        varchar(200),
    subdistrict_id uuid         not null,
    community_id   uuid,
    unit_id        uuid         not null,
    description    varchar(2000),
    conditions     varchar(2000),
    bookable       boolean      not null,
    opening        varchar(500) not null default '',
    contact_name   text,
    contact_phone  text,
    synthetic      boolean      not null default false,
    withdrawn_at   timestamptz,
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);
create index resource_unit on listing.resource (unit_id);
create index resource_subdistrict on listing.resource (subdistrict_id, kind);
create index resource_provider on listing.resource (provider_id);

create table listing.booking (
    id                uuid primary key,
    resource_id       uuid         not null references listing.resource (id),
    during            tstzrange    not null check (lower(during) < upper(during)),
    status            varchar(10)  not null check (status in ('REQUESTED', 'APPROVED', 'DECLINED', 'CANCELLED', 'USED')),
    purpose           varchar(500) not null,
    attendees         integer check (attendees between 1 and 100000),
    for_organisation  uuid,
    for_unit          uuid,
    requested_by      varchar(100) not null,
    requested_at      timestamptz  not null,
    decided_by        varchar(100),
    decided_at        timestamptz,
    note              varchar(500),
    cancelled_by      varchar(100),
    cancelled_at      timestamptz,
    rating            smallint check (rating between 1 and 5),
    feedback          varchar(2000),
    attended          integer check (attended between 0 and 100000),
    used_at           timestamptz,
    version           bigint       not null default 0,
    -- A slot can never be held twice: requested, approved and used bookings of one resource never overlap.
    constraint booking_no_overlap exclude using gist (resource_id with =, during with &&)
        where (status in ('REQUESTED', 'APPROVED', 'USED'))
);
create index booking_resource_time on listing.booking (resource_id, lower(during));
create index booking_for_organisation on listing.booking (for_organisation) where for_organisation is not null;
