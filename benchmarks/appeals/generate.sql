-- A million synthetic appeals over the demo territory and the past year, for the list and inbox benchmarks
-- (benchmarks/appeals.sh; docs/performance.md). Written in bulk, not through the platform: the rows are what the
-- lists read (place, category, state, handler, deadlines, times), flagged synthetic, anonymous (no reporter) and
-- without timelines. Run with psql -v n=1000000 against a platform database that holds the demo data.
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
        yellow_from, red_after)
select gen_random_uuid(), 'Y' || lpad(g::text, 11, '0'), md5(g::text) || md5(g::text || 'x'),
       (array['HOTLINE','HOTLINE','HOTLINE','HOTLINE','HOTLINE','HOTLINE','WALK_IN','PATROL','MEETING','ONLINE'])[1 + g % 10],
       (array['COMPLAINT','COMPLAINT','HELP','REPORT','SUGGESTION','CONSULTATION'])[1 + g % 6],
       c.code, c.version, 'ORDINARY',
       '合成诉求 ' || g || '：小区门口机动车长期乱停放，堵塞消防通道，请尽快处理。',
       p.district_id, p.subdistrict_id, p.community_id, p.community_id, true, 'synthetic-operator',
       case when g % 10 < 6 then 'Y' || g end,
       s.state,
       case s.state when 'CLOSED' then 'RESOLVED' end,
       h.id, case when h.id is null then 0 else 1 end,
       case when h.id is not null then t.at + interval '30 minutes' end,
       case when h.id is not null then t.at + interval '150 minutes' end,
       case when h.id is not null then t.at + interval '7 days' end,
       case when s.state not in ('DISPATCHED', 'OBJECTED') and h.id is not null then t.at + interval '1 hour' end,
       case when s.state not in ('DISPATCHED', 'OBJECTED', 'SIGNED') and h.id is not null then t.at + interval '2 hours' end,
       case when s.state in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED') then t.at + interval '3 days' end,
       case when s.state in ('FOLLOWED_UP', 'VERIFIED', 'CLOSED') then true end,
       case when s.state in ('FOLLOWED_UP', 'VERIFIED', 'CLOSED') then 'SATISFIED' end,
       case when s.state in ('CLOSED', 'VOIDED') then t.at + interval '4 days' end,
       t.at, t.at, true, 0,
       -- the light's moments (Appeal#yellowFrom, #redAfter): 80 % of 7 days less 30 minutes is 482,400 s; answered
       -- appeals stopped their clocks at 3 days, still green
       case when h.id is not null and s.state not in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED')
            then t.at + interval '30 minutes' + interval '482400 seconds' end,
       case when h.id is not null and s.state not in ('ANSWERED', 'FOLLOWED_UP', 'VERIFIED', 'CLOSED')
            then t.at + interval '7 days' end
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
-- Vacuumed as well as analysed now, so autovacuum does not start on the new rows while the pages are measured.
vacuum (analyze) appeal.appeal;
checkpoint;
select state, count(*) from appeal.appeal group by 1 order by 2 desc;
