-- 需求清单: what the community needs, gathered by meetings, 座谈, 走访, online or converted from appeals (ADR 0028).
create table listing.need_category (
    code       varchar(30) primary key check (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
    name       varchar(50) not null unique,
    builtin    boolean     not null,
    position   integer     not null,
    created_at timestamptz not null default now(),
    created_by varchar(100) not null default 'system'
);
-- Seed 000's six subjects; a 街道 adds its own beside them.
insert into listing.need_category (code, name, builtin, position) values
    ('GOVERNANCE', '社区治理', true, 10),
    ('ENVIRONMENT', '环境整治', true, 20),
    ('EDUCATION_HEALTH', '教育医疗', true, 30),
    ('INDUSTRY', '产业发展', true, 40),
    ('ASSISTANCE', '扶贫帮困', true, 50),
    ('CULTURE', '文化交往', true, 60);

create table listing.need (
    id                     uuid primary key,
    title                  varchar(100)  not null,
    description            varchar(2000),
    category               varchar(30)   not null references listing.need_category (code),
    source                 varchar(10)   not null check (source in ('MEETING', 'FORUM', 'VISIT', 'ONLINE', 'APPEAL')),
    requester_kind         varchar(15)   not null check (requester_kind in ('COMMUNITY', 'UNIT', 'RESIDENT_GROUP')),
    requester_organisation uuid,
    requester_group        varchar(100),
    unit_id                uuid          not null,
    subdistrict_id         uuid          not null,
    beneficiaries          varchar(200),
    beneficiary_count      integer check (beneficiary_count between 0 and 10000000),
    priority               varchar(6)    not null check (priority in ('HIGH', 'MEDIUM', 'LOW')),
    status                 varchar(10)   not null check (status in ('OPEN', 'MATCHED', 'IN_PROJECT', 'MET', 'DECLINED')),
    status_note            varchar(500),
    appeal_id              uuid unique,
    appeal_code            varchar(20),
    synthetic              boolean       not null default false,
    recorded_at            timestamptz   not null,
    recorded_by            varchar(100)  not null,
    updated_at             timestamptz   not null,
    version                bigint        not null default 0,
    check ((requester_kind = 'UNIT') = (requester_organisation is not null)),
    check ((requester_kind = 'RESIDENT_GROUP') = (requester_group is not null)),
    check ((source = 'APPEAL') = (appeal_id is not null))
);
create index need_subdistrict on listing.need (subdistrict_id, status);
create index need_unit on listing.need (unit_id);
create index need_requester on listing.need (requester_organisation) where requester_organisation is not null;
