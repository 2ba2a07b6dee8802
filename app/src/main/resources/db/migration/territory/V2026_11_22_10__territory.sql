-- 治理单元: the governance hierarchy, streets and zones. Geometries are GeoJSON (WGS84) checked by the application.
create schema if not exists territory;

create table territory.unit (
    id                 uuid primary key,
    code               varchar(32)  not null unique,
    kind               varchar(16)  not null
        check (kind in ('DISTRICT', 'SUBDISTRICT', 'BLOCK', 'COMMUNITY', 'GRID', 'COMPOUND', 'BUILDING')),
    name               varchar(100) not null,
    name_since         date,
    parent_id          uuid references territory.unit (id),
    boundary           text,
    area_square_metres double precision not null default 0,
    households         integer check (households >= 0),
    population         integer check (population >= 0),
    valid_from         date,
    valid_to           date,
    synthetic          boolean      not null default false,
    version            bigint       not null,
    check (valid_to is null or valid_from is null or valid_to >= valid_from),
    check ((kind = 'DISTRICT') = (parent_id is null))
);
create index unit_parent on territory.unit (parent_id);
create index unit_kind on territory.unit (kind);

create table territory.unit_former_name (
    unit_id    uuid         not null references territory.unit (id) on delete cascade,
    name       varchar(100) not null,
    used_from  date,
    used_until date         not null
);
create index unit_former_name_unit on territory.unit_former_name (unit_id);

create table territory.overlay_feature (
    id             uuid primary key,
    code           varchar(32)      not null unique,
    layer          varchar(8)       not null check (layer in ('STREET', 'ZONE')),
    kind           varchar(24)      not null,
    name           varchar(100)     not null,
    subdistrict_id uuid             not null references territory.unit (id),
    geometry       text             not null,
    measure        double precision not null,
    synthetic      boolean          not null default false,
    version        bigint           not null,
    check ((layer = 'STREET' and kind in ('MAIN_STREET', 'ALLEY'))
        or (layer = 'ZONE' and kind in ('CAMPUS', 'INDUSTRIAL_PARK', 'MILITARY', 'COMMERCIAL')))
);
create index overlay_feature_subdistrict on territory.overlay_feature (subdistrict_id);

-- Raised by every committed change so that each node knows when to rebuild its locate index.
create table territory.revision (
    id    integer primary key check (id = 1),
    value bigint not null
);
insert into territory.revision (id, value) values (1, 0);
