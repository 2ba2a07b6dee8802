-- A sign-in no longer changes the account aggregate: failed attempts and the last TOTP step used live in rows of
-- their own, written under a per-account lock, so an administrator's edit never conflicts with someone signing in
-- and concurrent failures are all counted.
create table identity.sign_in_failure (
    id         bigint generated always as identity primary key,
    account_id uuid        not null references identity.account (id) on delete cascade,
    at         timestamptz not null
);
create index sign_in_failure_account on identity.sign_in_failure (account_id, at);
insert into identity.sign_in_failure (account_id, at)
select account_id, at from identity.account_failure order by account_id, position;
drop table identity.account_failure;

create table identity.second_factor_step (
    account_id uuid primary key references identity.account (id) on delete cascade,
    last_step  bigint not null
);
insert into identity.second_factor_step (account_id, last_step)
select id, totp_last_step from identity.account where totp_last_step is not null;
alter table identity.account drop column totp_last_step;

-- 三权分立 (等保 2.0): an administrator role is held alone — never two of them, never one with a business role.
create or replace function identity.refuse_combined_administration() returns trigger language plpgsql as $$
begin
    if exists (select from identity.account_role
               where account_id = new.account_id and role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDITOR'))
       and (select count(*) from identity.account_role where account_id = new.account_id) > 1 then
        raise exception 'an administrator role (SYS_ADMIN, SEC_ADMIN, AUDITOR) is held alone';
    end if;
    return new;
end
$$;
