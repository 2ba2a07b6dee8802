-- 派单目录 (DOMAIN.md §4, Dispatch directory): rules category × territory unit → lead unit and co-handlers. A category
-- pattern is a 小类 code, a 大类 (kind letter and two digits) or null for every category; the rule covers its unit and
-- everything below. One active rule per pattern and unit; retired rules are kept.
create schema if not exists dispatch;

create table dispatch.rule (
    id               uuid         primary key,
    category_pattern varchar(8),
    unit_id          uuid         not null,
    lead_id          uuid         not null,
    co_handler_ids   uuid[]       not null default '{}',
    note             varchar(200),
    active           boolean      not null default true,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    retired_at       timestamptz,
    retired_by       varchar(100)
);
create unique index rule_one_per_cell on dispatch.rule (coalesce(category_pattern, '*'), unit_id) where active;
create index rule_unit on dispatch.rule (unit_id) where active;

-- 督办: a deadline that passed on a dispatched appeal, once per appeal, kind and deadline (a timer that fires twice, or
-- on two nodes, records it once).
create table dispatch.supervision (
    id             bigint generated always as identity primary key,
    appeal_id      uuid        not null,
    tracking_code  varchar(12) not null,
    kind           varchar(16) not null,
    due            timestamptz not null,
    raised_at      timestamptz not null,
    handler_id     uuid,
    subdistrict_id uuid,
    unique (appeal_id, kind, due)
);
create index supervision_raised on dispatch.supervision (raised_at desc);
