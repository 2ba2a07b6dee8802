-- 一库三清单: the everyday services a resource provides (一刻钟社区服务圈, matching) and the 智库 (ADR 0030).

alter table listing.resource
    add column services text[] not null default '{}'
        check (services <@ array ['ELDERLY_CARE', 'CANTEEN', 'CULTURE', 'SPORTS', 'EDUCATION', 'HEALTH', 'GROCERY',
                                  'CHILDCARE', 'LEGAL', 'EMPLOYMENT']::text[]);

-- An expert of a 街道's think tank, published with the expert's consent (name and affiliation shown to staff).
create table listing.expert (
    id             uuid primary key,
    subdistrict_id uuid          not null,
    name           varchar(50)   not null,
    role           varchar(30)   not null check (role in ('RESPONSIBLE_PLANNER', 'COMMUNITY_PLANNER',
                                                          'COMMUNITY_BUILDER', 'GOVERNANCE_ADVISER', 'SCHOLAR')),
    affiliation_id uuid,
    affiliation    varchar(100),
    tags           text[]        not null default '{}' check (cardinality(tags) <= 12),
    bio            varchar(1000),
    contact_phone  text,
    consented_at   timestamptz   not null,
    withdrawn_at   timestamptz,
    created_at     timestamptz   not null,
    created_by     varchar(100)  not null,
    updated_at     timestamptz   not null,
    version        bigint        not null default 0
);
create index expert_subdistrict on listing.expert (subdistrict_id);

-- An expert advising a need or a project (双师联动: a planner and a community builder on one project).
create table listing.expert_assignment (
    expert_id    uuid         not null references listing.expert (id),
    subject_kind varchar(10)  not null check (subject_kind in ('NEED', 'PROJECT')),
    subject_id   uuid         not null,
    note         varchar(200),
    assigned_at  timestamptz  not null,
    assigned_by  varchar(100) not null,
    primary key (subject_kind, subject_id, expert_id)
);
create index expert_assignment_expert on listing.expert_assignment (expert_id);
