-- Appends that do not conflict are never refused: a duty record and a council seat are rows of their own, written
-- without changing (or version-checking) the list or the council they belong to.
alter table organization.responsibility_record drop constraint responsibility_record_pkey;
alter table organization.responsibility_record add column id bigint generated always as identity primary key;
alter table organization.responsibility_record drop column position;
create index responsibility_record_list on organization.responsibility_record (list_id, id);

-- One 党建工作协调委员会 per unit and level (the level follows from the unit's kind).
create unique index council_one_per_unit on organization.council (unit_id, level);
