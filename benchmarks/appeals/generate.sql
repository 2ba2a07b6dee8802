-- A million synthetic appeals over the demo territory and the past year, for the list, inbox and indicator benchmarks
-- (benchmarks/appeals.sh, benchmarks/indicators.sh; docs/performance.md). Written in bulk, not through the platform:
-- the rows are what the lists and the indicators read (place, category, state, handler, deadlines, times, the
-- reporter's 回访 answer), flagged synthetic, anonymous (no reporter) and without timelines; then a year of 吹哨报到
-- with the departments summoned and their 报到. Run with psql -v n=1000000 against a platform database that holds
-- the demo data.
\timing on
create temp table places as
    select c.id as community_id, s.id as subdistrict_id, d.id as district_id,
           (row_number() over (order by c.code) - 1)::int as i
      from territory.unit c
      join territory.unit s on s.code = left(c.code, 9) and s.kind = 'SUBDISTRICT'
      join territory.unit d on d.code = left(c.code, 6) and d.kind = 'DISTRICT'
     where c.kind = 'COMMUNITY';
create temp table handlers as
    select o.id, s.id as subdistrict_id,
           (row_number() over (partition by s.id order by o.id) - 1)::int as i,
           (count(*) over (partition by s.id))::int as n
      from organization.organisation o
      join territory.unit u on u.id = o.unit_id
      join territory.unit s on s.code = left(u.code, 9) and s.kind = 'SUBDISTRICT'
     where o.kind in ('GOVERNMENT_DEPARTMENT', 'RESIDENTS_COMMITTEE', 'SUBDISTRICT_OFFICE', 'PROPERTY_MANAGEMENT',
                      'PUBLIC_UTILITY');
create temp table cats as
    select code, version, (row_number() over (order by code) - 1)::int as i
      from appeal.category where superseded_at is null and active;
select count(*) as places from places;
select count(*) as handlers from handlers;

insert into appeal.appeal (id, tracking_code, token_hash, channel, type, category_code, category_version, urgency,
        content, district_id, subdistrict_id, community_id, unit_id, anonymous, registered_by, work_order_number,
        state, closure, handler_id, dispatch_count, dispatched_at, response_due, resolution_due, signed_at,
        responded_at, answered_at, resolved, satisfaction, closed_at, registered_at, updated_at, synthetic, version,
        yellow_from, red_after, answer_round)
select gen_random_uuid(), 'Y' || lpad(g::text, 11, '0'), md5(g::text) || md5(g::text || 'x'),
       (array['HOTLINE','HOTLINE','HOTLINE','HOTLINE','HOTLINE','HOTLINE','WALK_IN','PATROL','MEETING','ONLINE'])[1 + g % 10],
       (array['COMPLAINT','COMPLAINT','HELP','REPORT','SUGGESTION','CONSULTATION'])[1 + g % 6],
       c.code, c.version, 'ORDINARY',
       '合成诉求 ' || g || '：小区门口机动车长期乱停放，堵塞消防通道，请尽快处理。',
       p.district_id, p.subdistrict_id, p.community_id, p.community_id, true, 'synthetic-operator',
       case when g % 10 < 6 then 'Y' || g end,
       s.state,
       case s.state when 'CLOSED' then 'RESOLVED' end,
       -- one in 23 dispatched twice (objected and sent on)
       h.id, case when h.id is null then 0 when g % 23 = 0 then 2 else 1 end,
       case when h.id is not null then t.at + interval '30 minutes' end,
       case when h.id is not null then t.at + interval '150 minutes' end,
       case when h.id is not null then t.at + interval '7 days' end,
       case when s.state not in ('DISPATCHED', 'OBJECTED') and h.id is not null then t.at + interval '1 hour' end,
       -- responded 1 h to 3 h after registration: the response limit (2 h after dispatch) missed by two in seven
       case when s.state not in ('DISPATCHED', 'OBJECTED', 'SIGNED') and h.id is not null
            then t.at + interval '1 hour' + (g % 7) * interval '20 minutes' end,
       -- answered 3 to 9 days after registration: the 7-day deadline missed by two in seven
       case when s.state in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED') then t.at + (3 + g % 7) * interval '1 day' end,
       case when s.state in ('FOLLOWED_UP', 'VERIFIED', 'CLOSED') then g % 5 <> 0 end,
       case when s.state in ('FOLLOWED_UP', 'VERIFIED', 'CLOSED')
            then (array['SATISFIED','SATISFIED','SATISFIED','BASICALLY_SATISFIED','BASICALLY_SATISFIED','DISSATISFIED'])[1 + g % 6] end,
       case when s.state = 'CLOSED' then t.at + (4 + g % 7) * interval '1 day' end,
       t.at, t.at, true, 0,
       -- the light's moments (Appeal#yellowFrom, #redAfter): 80 % of 7 days less 30 minutes is 482,400 s; answered
       -- appeals stopped their clocks at 3 days, still green
       case when h.id is not null and s.state not in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED')
            then t.at + interval '30 minutes' + interval '482400 seconds' end,
       case when h.id is not null and s.state not in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED')
            then t.at + interval '7 days' end,
       case when s.state in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED') then 1 else 0 end
  from generate_series(1, :n) g
  cross join lateral (select now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' as at,
                             ((g::bigint * 7919) % 1000) / 1000.0 as r) t
  join places p on p.i = g % (select count(*) from places)
  join cats c on c.i = (g * 31) % (select count(*) from cats)
  cross join lateral (select case
            when t.r < 0.70 then 'CLOSED' when t.r < 0.74 then 'VOIDED' when t.r < 0.78 then 'ANSWERED'
            when t.r < 0.84 then 'HANDLING' when t.r < 0.87 then 'SIGNED' when t.r < 0.90 then 'DISPATCHED'
            when t.r < 0.92 then 'SUSPENDED' when t.r < 0.94 then 'REGISTERED' when t.r < 0.95 then 'OBJECTED'
            when t.r < 0.97 then 'FOLLOWED_UP' when t.r < 0.99 then 'ACCEPTED' else 'SELF_HANDLED' end as state) s
  left join lateral (select hh.id from handlers hh
                      where hh.subdistrict_id = p.subdistrict_id and hh.i = g % hh.n
                        and s.state not in ('REGISTERED', 'ACCEPTED', 'SELF_HANDLED', 'VOIDED')) h on true;
-- The reporter's answer at 回访 for every followed-up appeal: by phone, the tracking link or the resident's account,
-- one in six never reached (no answer in time).
insert into appeal.follow_up (appeal_id, round, source, reached, resolved, satisfaction, answered_at, recorded_by)
select a.id, 1,
       (array['PHONE','TRACKING_LINK','RESIDENT_ACCOUNT','PHONE','TRACKING_LINK','NO_ANSWER'])[1 + a.n % 6],
       a.n % 6 <> 5,
       case when a.n % 6 <> 5 then a.resolved end,
       case when a.n % 6 <> 5 then a.satisfaction end,
       a.answered_at + interval '1 day',
       'synthetic-operator'
  from (select id, resolved, satisfaction, answered_at, substring(tracking_code from 2)::bigint as n
          from appeal.appeal
         where synthetic and tracking_code ~ '^Y[0-9]{11}$' and state in ('FOLLOWED_UP', 'VERIFIED', 'CLOSED')) a;

-- A year of 吹哨报到: 3,000 whistles over the three 街道, each summoning one to three departments of the 街道's
-- district; most arrive in time, some late, some never; most whistles closed with the departments rated.
create temp table departments as
    select o.id, o.name, d.id as district_id,
           (row_number() over (partition by d.id order by o.id) - 1)::int as i,
           (count(*) over (partition by d.id))::int as n
      from organization.organisation o
      join territory.unit u on u.id = o.unit_id
      join territory.unit d on d.code = left(u.code, 6) and d.kind = 'DISTRICT'
     where o.kind in ('GOVERNMENT_DEPARTMENT', 'PUBLIC_UTILITY');
create temp table streets as
    select s.id, d.id as district_id, (row_number() over (order by s.code) - 1)::int as i
      from territory.unit s
      join territory.unit d on d.code = left(s.code, 6) and d.kind = 'DISTRICT'
     where s.kind = 'SUBDISTRICT' and exists (select 1 from departments x where x.district_id = d.id);
create temp table whistles as
    select gen_random_uuid() as id, w, st.id as subdistrict_id, st.district_id,
           now() - (w % 365) * interval '1 day' - (w % 600) * interval '1 minute' as blown_at
      from generate_series(1, 3000) w
      join streets st on st.i = w % (select count(*) from streets);
insert into dispatch.whistle (id, subdistrict_id, unit_id, matter, whistle_case, report_by, blown_at, blown_by, state,
        outcome, closed_at, closed_by, version)
select id, subdistrict_id, subdistrict_id, '合成吹哨 ' || w || '：路面塌陷，需多部门到场处置。',
       (array['COMPLEX_DEMAND','JOINT_ENFORCEMENT','EMERGENCY'])[1 + w % 3],
       blown_at + interval '2 hours', blown_at, 'synthetic-operator',
       case when w % 20 = 0 then 'OPEN' else 'CLOSED' end,
       case when w % 20 <> 0 then (array['RESOLVED','RESOLVED','RESOLVED','PARTLY_RESOLVED','UNRESOLVED'])[1 + w % 5] end,
       case when w % 20 <> 0 then blown_at + interval '1 day' end,
       case when w % 20 <> 0 then 'synthetic-operator' end,
       1
  from whistles;
insert into dispatch.summons (whistle_id, department_id, department_name, acknowledged_at, acknowledged_by, arrived_at,
        arrived_by, action, action_at, rating)
select wh.id, d.id, d.name,
       case when (wh.w + k) % 9 <> 0 then wh.blown_at + interval '10 minutes' end,
       case when (wh.w + k) % 9 <> 0 then 'synthetic-department' end,
       -- on site within the two hours, late (one in six), or never (one in nine)
       case when (wh.w + k) % 9 = 0 then null
            when (wh.w + k) % 6 = 0 then wh.blown_at + interval '3 hours'
            else wh.blown_at + interval '1 hour' end,
       case when (wh.w + k) % 9 <> 0 then 'synthetic-department' end,
       case when (wh.w + k) % 9 <> 0 then '到场处置' end,
       case when (wh.w + k) % 9 <> 0 then wh.blown_at + interval '4 hours' end,
       case when wh.w % 20 <> 0 then 1 + (wh.w + k * 7) % 5 end
  from whistles wh
  cross join generate_series(0, 2) k
  join departments d on d.district_id = wh.district_id and d.i = (wh.w + k) % d.n
 where k <= wh.w % 3 and k < d.n
on conflict do nothing;
analyze dispatch.whistle;
analyze dispatch.summons;
analyze appeal.follow_up;

-- Vacuumed as well as analysed now, so autovacuum does not start on the new rows while the pages are measured.
vacuum (analyze) appeal.appeal;
checkpoint;
select state, count(*) from appeal.appeal group by 1 order by 2 desc;
