-- 用户与权限: staff accounts, roles, data scopes and failed sign-ins. Units and organisations are referenced by id only.
create schema if not exists identity;

create table identity.account (
    id                  uuid primary key,
    username            varchar(50)  not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,49}$'),
    display_name        varchar(50)  not null,
    password_hash       varchar(200) not null,
    password_changed_at timestamptz  not null,
    totp_secret         varchar(200),
    totp_last_step      bigint,
    enabled             boolean      not null default true,
    version             bigint       not null
);

create table identity.account_role (
    account_id uuid        not null references identity.account (id) on delete cascade,
    role       varchar(32) not null,
    primary key (account_id, role)
);

create table identity.account_scope_unit (
    account_id uuid not null references identity.account (id) on delete cascade,
    unit_id    uuid not null,
    primary key (account_id, unit_id)
);

create table identity.account_scope_organisation (
    account_id      uuid not null references identity.account (id) on delete cascade,
    organisation_id uuid not null,
    primary key (account_id, organisation_id)
);

create table identity.account_failure (
    account_id uuid        not null references identity.account (id) on delete cascade,
    position   integer     not null,
    at         timestamptz not null,
    primary key (account_id, position)
);

-- 三权分立 in the database too: one account never holds two of the three administrator roles.
create function identity.refuse_combined_administration() returns trigger language plpgsql as $$
begin
    if (select count(*) from identity.account_role
        where account_id = new.account_id and role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDITOR')) > 1 then
        raise exception 'an account may hold only one of SYS_ADMIN, SEC_ADMIN and AUDITOR';
    end if;
    return new;
end
$$;

create constraint trigger account_role_separation
    after insert or update on identity.account_role
    deferrable initially deferred
    for each row execute function identity.refuse_combined_administration();
