-- 通知: a staff inbox addressed to organisations (their staff) or units (the staff whose scope covers them), and the
-- texts sent to reporters. A notice is unique per kind, appeal, recipient and ref, so a republished event adds nothing.
create schema if not exists notification;

create table notification.notice (
    id              bigint generated always as identity primary key,
    kind            varchar(24) not null,
    appeal_id       uuid        not null,
    tracking_code   varchar(12) not null,
    organisation_id uuid,
    unit_id         uuid,
    ref             varchar(64) not null,
    created_at      timestamptz not null,
    check (organisation_id is not null or unit_id is not null)
);
create unique index notice_once on notification.notice
    (kind, appeal_id, coalesce(organisation_id, unit_id), ref);
create index notice_organisation on notification.notice (organisation_id, created_at desc)
    where organisation_id is not null;
create index notice_unit on notification.notice (unit_id, created_at desc) where unit_id is not null;

create table notification.read_mark (
    notice_id bigint       not null references notification.notice (id),
    reader    varchar(100) not null,
    primary key (notice_id, reader)
);

-- One text per appeal and kind (registered, answered), whatever retries happen.
create table notification.text_sent (
    appeal_id uuid        not null,
    kind      varchar(24) not null,
    sent_at   timestamptz not null,
    primary key (appeal_id, kind)
);
