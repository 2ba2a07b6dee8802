-- 项目清单: projects that meet needs with resources, with each party's co-funding in 分 (ADR 0029).
create table listing.project (
    id             uuid primary key,
    title          varchar(100)  not null,
    summary        varchar(2000),
    unit_id        uuid          not null,
    subdistrict_id uuid          not null,
    status         varchar(10)   not null check (status in ('PROPOSED', 'APPROVED', 'COMPLETED', 'CANCELLED')),
    budget_fen     bigint        not null check (budget_fen between 0 and 1000000000000),
    spent_fen      bigint        not null default 0 check (spent_fen >= 0),
    approved_at    timestamptz,
    approved_by    varchar(100),
    approval_note  varchar(500),
    outcome        varchar(2000),
    completed_at   timestamptz,
    synthetic      boolean       not null default false,
    created_at     timestamptz   not null,
    created_by     varchar(100)  not null,
    updated_at     timestamptz   not null,
    version        bigint        not null default 0,
    -- What was spent never passes the budget.
    check (spent_fen <= budget_fen)
);
create index project_subdistrict on listing.project (subdistrict_id, status);

-- Each party's share: pledged and paid; the database keeps paid within pledged whatever runs at once.
create table listing.project_party (
    project_id      uuid    not null references listing.project (id),
    organisation_id uuid    not null,
    lead            boolean not null default false,
    pledged_fen     bigint  not null check (pledged_fen between 0 and 1000000000000),
    paid_fen        bigint  not null default 0 check (paid_fen >= 0 and paid_fen <= pledged_fen),
    primary key (project_id, organisation_id)
);
create index project_party_organisation on listing.project_party (organisation_id);

create table listing.project_payment (
    id              uuid primary key,
    project_id      uuid         not null,
    organisation_id uuid         not null,
    amount_fen      bigint       not null check (amount_fen between 1 and 1000000000000),
    paid_on         date         not null,
    note            varchar(200),
    recorded_at     timestamptz  not null,
    recorded_by     varchar(100) not null,
    foreign key (project_id, organisation_id) references listing.project_party (project_id, organisation_id)
);

create table listing.project_expense (
    id          uuid primary key,
    project_id  uuid         not null references listing.project (id),
    amount_fen  bigint       not null check (amount_fen between 1 and 1000000000000),
    spent_on    date         not null,
    item        varchar(200) not null,
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null
);

create table listing.project_need (
    project_id uuid not null references listing.project (id),
    need_id    uuid not null references listing.need (id),
    primary key (project_id, need_id)
);

create table listing.project_resource (
    project_id  uuid not null references listing.project (id),
    resource_id uuid not null references listing.resource (id),
    primary key (project_id, resource_id)
);

create table listing.milestone (
    project_id uuid         not null references listing.project (id),
    position   integer      not null,
    title      varchar(100) not null,
    due_on     date,
    progress   smallint     not null default 0 check (progress between 0 and 100),
    done_on    date,
    note       varchar(500),
    primary key (project_id, position)
);

-- 效能评价: the beneficiaries' evaluation of a completed project, one per person.
create table listing.project_evaluation (
    project_id   uuid          not null references listing.project (id),
    evaluator    varchar(100)  not null,
    score        smallint      not null check (score between 1 and 5),
    comment      varchar(1000),
    evaluated_at timestamptz   not null,
    primary key (project_id, evaluator)
);
