-- Appeals (DOMAIN.md §4): one row per appeal holding where it stands in the lifecycle; every transition and note is a
-- row of appeal.step, appended without touching the appeal (ADR 0013). The reporter's name and phone are ciphertext
-- (ADR 0010); phone_lookup is the keyed hash that finds a caller's earlier appeals.
create table appeal.appeal (
    id                  uuid          primary key,
    tracking_code       varchar(12)   not null unique,
    token_hash          char(64)      not null,
    channel             varchar(16)   not null,
    type                varchar(16)   not null,
    category_code       varchar(8),
    category_version    int,
    urgency             varchar(12)   not null,
    content             varchar(2000) not null,
    address             varchar(200),
    latitude            double precision,
    longitude           double precision,
    district_id         uuid,
    subdistrict_id      uuid,
    community_id        uuid,
    grid_id             uuid,
    unit_id             uuid,
    reporter_name       text,
    reporter_phone      text,
    phone_lookup        char(64),
    anonymous           boolean       not null,
    resident_id         uuid,
    registered_by       varchar(100),
    work_order_number   varchar(40)   unique,
    body_hash           char(64),
    state               varchar(16)   not null,
    closure             varchar(24),
    repeat_of           uuid,
    emergency_service   varchar(16),
    handler_id          uuid,
    co_handler_ids      uuid[]        not null default '{}',
    dispatch_count      int           not null default 0,
    dispatched_at       timestamptz,
    response_due        timestamptz,
    resolution_due      timestamptz,
    signed_at           timestamptz,
    responded_at        timestamptz,
    extension_requested varchar(8),
    suspended_at        timestamptz,
    answered_at         timestamptz,
    resolved            boolean,
    satisfaction        varchar(24),
    closed_at           timestamptz,
    registered_at       timestamptz   not null,
    updated_at          timestamptz   not null,
    synthetic           boolean       not null default false,
    version             bigint        not null,
    foreign key (category_code, category_version) references appeal.category (code, version),
    foreign key (repeat_of) references appeal.appeal (id)
);
create index appeal_state on appeal.appeal (state, registered_at desc);
create index appeal_handler on appeal.appeal (handler_id, resolution_due) where handler_id is not null;
create index appeal_subdistrict on appeal.appeal (subdistrict_id, registered_at desc);
create index appeal_phone on appeal.appeal (phone_lookup, registered_at desc) where phone_lookup is not null;
create index appeal_resident on appeal.appeal (resident_id, registered_at desc) where resident_id is not null;
create index appeal_open_category on appeal.appeal (category_code, registered_at desc) where closed_at is null;

create table appeal.step (
    id         bigint generated always as identity primary key,
    appeal_id  uuid         not null references appeal.appeal (id),
    action     varchar(32)  not null,
    from_state varchar(16),
    to_state   varchar(16)  not null,
    actor      varchar(100) not null,
    actor_role varchar(32),
    at         timestamptz  not null,
    reason     varchar(2000),
    details    jsonb        not null default '{}'
);
create index step_appeal on appeal.step (appeal_id, id);
