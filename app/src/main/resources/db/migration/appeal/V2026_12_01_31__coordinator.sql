-- An appeal placed in no unit waits in the coordination queue of the area that took it: the registrar's own unit.
alter table appeal.appeal add column coordinator_id uuid;
