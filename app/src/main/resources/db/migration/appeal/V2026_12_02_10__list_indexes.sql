-- The appeal list and the handler's inbox at a million appeals (docs/performance.md): the list walks appeals newest
-- first and stops at a page; the inbox takes a unit's open work orders by deadline, and those it co-handles apart.
create index if not exists appeal_registered on appeal.appeal (registered_at desc, id desc);
create index if not exists appeal_open_handler on appeal.appeal (handler_id, resolution_due, id)
    where state in ('DISPATCHED', 'OBJECTED', 'SIGNED', 'HANDLING', 'SUSPENDED');
drop index if exists appeal.appeal_co_handlers;
create index appeal_co_handlers on appeal.appeal using gin (co_handler_ids);
