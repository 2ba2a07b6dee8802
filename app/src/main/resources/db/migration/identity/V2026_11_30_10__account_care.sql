-- The 安全管理员's care of accounts (issue 7): a password set by the administrator must be changed at the next
-- sign-in; the last successful sign-in is kept in a row of its own, so signing in never touches the account row.
alter table identity.account add column password_must_change boolean not null default false;

create table identity.last_sign_in (
    account_id uuid        primary key references identity.account (id) on delete cascade,
    at         timestamptz not null
);
