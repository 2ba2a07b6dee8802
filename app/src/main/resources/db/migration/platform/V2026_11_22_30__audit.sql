-- The audit trail: append-only and hash-chained (ADR 0009). Nobody, the application included, may change or remove a row.
create schema if not exists platform;

create table platform.audit_event (
    sequence      bigint primary key,
    at            timestamptz  not null,
    actor         varchar(100) not null,
    role          varchar(40)  not null,
    scope         varchar(400) not null,
    action        varchar(100) not null,
    object_type   varchar(40)  not null,
    object_id     varchar(100),
    summary       text         not null,
    address       varchar(64),
    previous_hash char(64)     not null,
    hash          char(64)     not null unique
);
create index audit_event_object on platform.audit_event (object_type, object_id);
create index audit_event_at on platform.audit_event (at);

-- The last sequence and hash; its row lock orders concurrent writers.
create table platform.audit_head (
    id       integer primary key check (id = 1),
    sequence bigint   not null,
    hash     char(64) not null
);
insert into platform.audit_head (id, sequence, hash) values (1, 0, repeat('0', 64));

create function platform.refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'platform.audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only
    before update or delete on platform.audit_event
    for each row execute function platform.refuse_audit_change();

create trigger audit_event_no_truncate
    before truncate on platform.audit_event
    for each statement execute function platform.refuse_audit_change();
