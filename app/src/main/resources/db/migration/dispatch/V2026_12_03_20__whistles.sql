-- 吹哨报到 (DOMAIN.md §4; seed 004): a 街道 or 社区 summons departments to a matter — an appeal or a standalone one — with
-- a report-by time. Each summoned department 报到: acknowledged, then arrived on site, each timestamped, and records its
-- action; one not arrived by the report-by time is escalated once (escalated_at, set by a conditional update, so a timer
-- firing on two nodes escalates once). The whistle is closed with its outcome and a rating of each department
-- (街道办事处条例 Art 44), which the double assessment (Art 33) counts.
create table dispatch.whistle (
    id             uuid          primary key,
    subdistrict_id uuid          not null,
    unit_id        uuid          not null,
    appeal_id      uuid,
    tracking_code  varchar(12),
    matter         varchar(500)  not null,
    address        varchar(200),
    whistle_case   varchar(24)   not null,
    report_by      timestamptz   not null,
    blown_at       timestamptz   not null,
    blown_by       varchar(100)  not null,
    state          varchar(8)    not null check (state in ('OPEN', 'CLOSED')),
    outcome        varchar(24),
    outcome_note   varchar(2000),
    closed_at      timestamptz,
    closed_by      varchar(100),
    version        bigint        not null,
    check ((state = 'CLOSED') = (closed_at is not null))
);
create index whistle_open on dispatch.whistle (subdistrict_id, blown_at desc);
create index whistle_blown on dispatch.whistle (blown_at);

create table dispatch.summons (
    whistle_id      uuid          not null references dispatch.whistle (id),
    department_id   uuid          not null,
    department_name varchar(200)  not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(100),
    arrived_at      timestamptz,
    arrived_by      varchar(100),
    action          varchar(2000),
    action_at       timestamptz,
    escalated_at    timestamptz,
    rating          smallint      check (rating between 1 and 5),
    rating_note     varchar(500),
    primary key (whistle_id, department_id),
    check (arrived_at is null or acknowledged_at is not null)
);
create index summons_department on dispatch.summons (department_id, whistle_id);
