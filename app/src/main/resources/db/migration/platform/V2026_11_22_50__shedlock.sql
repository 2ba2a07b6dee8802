-- Locks of scheduled jobs (ShedLock), so each runs on one node at a time.
create table platform.shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
