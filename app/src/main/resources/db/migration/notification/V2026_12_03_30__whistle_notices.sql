-- A notice is about an appeal or a whistle (吹哨报到): a summoned department is told it is summoned, and a department
-- not on site by the report-by time is escalated to its supervisor and the street. Still once per kind, subject,
-- recipient and ref.
alter table notification.notice alter column appeal_id drop not null;
alter table notification.notice alter column tracking_code drop not null;
alter table notification.notice add column whistle_id uuid;
alter table notification.notice add constraint notice_subject check ((appeal_id is null) <> (whistle_id is null));
drop index notification.notice_once;
create unique index notice_once on notification.notice
    (kind, coalesce(appeal_id, whistle_id), coalesce(organisation_id, unit_id), ref);
