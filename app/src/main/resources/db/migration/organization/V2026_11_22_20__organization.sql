-- 多元主体: organisations, 党建工作协调委员会 and responsibility lists. Units of the territory are referenced by id
-- only (no foreign key across modules).
create schema if not exists organization;

create table organization.organisation (
    id          uuid primary key,
    name        varchar(100) not null,
    kind        varchar(32)  not null,
    credit_code char(18) unique,
    unit_id     uuid         not null,
    address     varchar(200),
    latitude    numeric(9, 6) check (latitude between -90 and 90),
    longitude   numeric(9, 6) check (longitude between -180 and 180),
    parent_id   uuid references organization.organisation (id) deferrable initially deferred,
    description varchar(2000),
    synthetic   boolean      not null default false,
    version     bigint       not null,
    check ((latitude is null) = (longitude is null)),
    check (parent_id is null or parent_id <> id)
);
create index organisation_kind_name on organization.organisation (kind, name);
create index organisation_unit on organization.organisation (unit_id);

create table organization.council (
    id                 uuid primary key,
    name               varchar(100) not null,
    level              varchar(16)  not null check (level in ('SUBDISTRICT', 'COMMUNITY')),
    unit_id            uuid         not null,
    chair              varchar(100),
    founded_on         date,
    deliberation_rules varchar(4000),
    topic_collection   varchar(4000),
    liaison_rules      varchar(4000),
    emergency_response varchar(4000),
    synthetic          boolean      not null default false,
    version            bigint       not null
);

create table organization.council_member (
    council_id      uuid         not null references organization.council (id) on delete cascade,
    organisation_id uuid         not null references organization.organisation (id),
    liaison_name    varchar(50)  not null,
    liaison_title   varchar(100),
    joined_on       date         not null,
    primary key (council_id, organisation_id)
);

create table organization.responsibility_list (
    id        uuid primary key,
    title     varchar(200) not null,
    unit_id   uuid,
    mechanism varchar(2000),
    synthetic boolean      not null default false,
    version   bigint       not null
);

create table organization.responsibility_party (
    list_id         uuid         not null references organization.responsibility_list (id) on delete cascade,
    position        integer      not null,
    key             varchar(20)  not null,
    name            varchar(100) not null,
    organisation_id uuid references organization.organisation (id),
    primary key (list_id, position),
    unique (list_id, key)
);

create table organization.responsibility_duty (
    list_id     uuid         not null references organization.responsibility_list (id) on delete cascade,
    position    integer      not null,
    number      integer      not null check (number > 0),
    description varchar(500) not null,
    owner_key   varchar(20)  not null,
    cadence     varchar(16)  not null,
    evidence    varchar(500),
    primary key (list_id, position),
    unique (list_id, number),
    foreign key (list_id, owner_key) references organization.responsibility_party (list_id, key)
        deferrable initially deferred
);

create table organization.responsibility_record (
    list_id     uuid         not null references organization.responsibility_list (id) on delete cascade,
    position    integer      not null,
    duty_number integer      not null,
    done_on     date         not null,
    note        varchar(500),
    evidence    varchar(500) not null,
    primary key (list_id, position),
    foreign key (list_id, duty_number) references organization.responsibility_duty (list_id, number)
        deferrable initially deferred
);
