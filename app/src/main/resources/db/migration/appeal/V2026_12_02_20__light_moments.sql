-- The moments an appeal's 红黄绿灯 changes (Appeal#yellowFrom, #redAfter), stored with each save so the list can
-- filter by light through an index: the light itself depends on "now", which no index can hold (docs/performance.md).
-- yellow_from: the first microsecond at 80 % of the resolution limit, null if the clock stopped (挂账, answered)
-- before it; red_after: the resolution deadline, null if the clock stopped on or before it.
alter table appeal.appeal add column yellow_from timestamptz, add column red_after timestamptz;

with clock as (
    select id,
           dispatched_at + interval '1 microsecond'
               * ceil(extract(epoch from (resolution_due - dispatched_at)) * 800000) as yellow,
           resolution_due as due,
           coalesce(suspended_at, answered_at) as stopped
      from appeal.appeal
     where dispatched_at is not null and resolution_due is not null and closure is distinct from 'REPEAT')
update appeal.appeal a
   set yellow_from = case when clock.stopped is null or clock.stopped >= clock.yellow then clock.yellow end,
       red_after = case when clock.stopped is null or clock.stopped > clock.due then clock.due end
  from clock
 where a.id = clock.id;

create index appeal_red on appeal.appeal (registered_at desc, id desc) where red_after is not null;
create index appeal_yellow on appeal.appeal (registered_at desc, id desc) where yellow_from is not null;
