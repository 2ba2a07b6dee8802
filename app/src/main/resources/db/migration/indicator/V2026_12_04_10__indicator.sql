-- Indicators (DOMAIN.md §4, Indicators; docs/indicators.md): one row per appeal with the facts the rates count, kept by
-- the appeal events (each event re-reads the appeal's facts through the appeal module's query API) and reconciled
-- every night against the same API. period is the month of 受理 in Beijing time, the month an appeal is counted in.
-- Rates are aggregated from these rows when asked, so a change of settings (exclusions, weights) applies to every
-- month at once.
create schema if not exists indicator;

create table indicator.appeal_fact (
    appeal_id       uuid         primary key,
    period          date         not null,
    registered_at   timestamptz  not null,
    channel         varchar(16)  not null,
    type            varchar(16)  not null,
    category_code   varchar(8),
    subdistrict_id  uuid,
    community_id    uuid,
    grid_id         uuid,
    handler_id      uuid,
    state           varchar(16)  not null,
    closure         varchar(24),
    dispatch_count  int          not null,
    dispatched_at   timestamptz,
    response_due    timestamptz,
    responded_at    timestamptz,
    resolution_due  timestamptz,
    answered_at     timestamptz,
    closed_at       timestamptz,
    yellow_from     timestamptz,
    red_after       timestamptz,
    reworks         int          not null,
    extensions      int          not null,
    suspensions     int          not null,
    reached         boolean,
    resolved        boolean,
    satisfaction    varchar(24),
    followed_up_at  timestamptz,
    synthetic       boolean      not null,
    source_version  bigint       not null,
    refreshed_at    timestamptz  not null
);
create index appeal_fact_subdistrict on indicator.appeal_fact (subdistrict_id, period);
create index appeal_fact_community on indicator.appeal_fact (community_id, period) where community_id is not null;
create index appeal_fact_grid on indicator.appeal_fact (grid_id, period) where grid_id is not null;
create index appeal_fact_handler on indicator.appeal_fact (handler_id, period) where handler_id is not null;
create index appeal_fact_category on indicator.appeal_fact (category_code, period);
create index appeal_fact_period on indicator.appeal_fact (period);

-- How the rates are counted, as the installation's administrators set them (/settings/indicators): the composite's
-- weights (percent, summing to 100), the weight of 基本满意 in 满意率 (0–1), and which kinds of appeal are left out
-- of every count. One row, versioned like any edited record.
create table indicator.settings (
    id                        int           primary key check (id = 1),
    response_weight           int           not null check (response_weight between 0 and 100),
    resolution_weight         int           not null check (resolution_weight between 0 and 100),
    satisfaction_weight       int           not null check (satisfaction_weight between 0 and 100),
    basically_satisfied_weight numeric(3,2) not null check (basically_satisfied_weight between 0 and 1),
    exclude_answered_at_intake boolean      not null,
    exclude_voided            boolean       not null,
    exclude_repeats           boolean       not null,
    updated_at                timestamptz   not null,
    updated_by                varchar(100)  not null,
    version                   bigint        not null,
    check (response_weight + resolution_weight + satisfaction_weight = 100)
);
insert into indicator.settings values (1, 20, 40, 40, 1.00, true, true, true, now(), 'system', 1);
