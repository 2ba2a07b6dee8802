-- 回访 (Art 23): each 答复 opens a round; the reporter's answer to it is one row here, the primary key refusing a
-- second answer for the same round whoever sends it and however often. answer_round counts the answers given,
-- follow_up_due is when the current round's answer is due (then recorded as not answered), and
-- verification_required holds a 未解决/不满意 answer's 核查 before 结案.
alter table appeal.appeal add column answer_round int not null default 0;
alter table appeal.appeal add column follow_up_due timestamptz;
alter table appeal.appeal add column verification_required boolean not null default false;

create table appeal.follow_up (
    appeal_id    uuid          not null references appeal.appeal (id),
    round        int           not null check (round >= 1),
    source       varchar(16)   not null,
    reached      boolean       not null,
    resolved     boolean,
    satisfaction varchar(24),
    comment      varchar(2000),
    answered_at  timestamptz   not null,
    recorded_by  varchar(100)  not null,
    primary key (appeal_id, round),
    check (reached or (resolved is null and satisfaction is null))
);
create index follow_up_answered on appeal.follow_up (answered_at);

-- Appeals answered before rounds were counted: their answers so far, and the follow-ups recorded on their timelines.
update appeal.appeal a set answer_round = n.answers
  from (select appeal_id, count(*) as answers from appeal.step where action = 'ANSWER' group by appeal_id) n
 where n.appeal_id = a.id;

insert into appeal.follow_up (appeal_id, round, source, reached, resolved, satisfaction, comment, answered_at, recorded_by)
select s.appeal_id,
       (select count(*) from appeal.step p where p.appeal_id = s.appeal_id and p.action = 'ANSWER' and p.id < s.id),
       'PHONE',
       coalesce((s.details ->> 'reached')::boolean, false),
       case when coalesce((s.details ->> 'reached')::boolean, false) then (s.details ->> 'resolved')::boolean end,
       case when coalesce((s.details ->> 'reached')::boolean, false) then s.details ->> 'satisfaction' end,
       s.reason,
       s.at,
       s.actor
  from appeal.step s
 where s.action = 'FOLLOW_UP'
   and exists (select 1 from appeal.step p where p.appeal_id = s.appeal_id and p.action = 'ANSWER' and p.id < s.id)
on conflict do nothing;

-- How 回访 runs, as the installation's administrators set it (/settings/follow-up): how long the reporter may take to
-- answer after the 答复 (a time limit such as 3wd, on the work calendar), and what an answer of 未解决/不满意 leads to
-- (VERIFY: 核查 before 结案; REWORK: straight back to 办理). One row, versioned like any edited record.
create table appeal.follow_up_policy (
    id              int          primary key check (id = 1),
    answer_within   varchar(8)   not null,
    when_unresolved varchar(8)   not null check (when_unresolved in ('VERIFY', 'REWORK')),
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         bigint       not null
);
insert into appeal.follow_up_policy values (1, '3wd', 'VERIFY', now(), 'system', 1);
