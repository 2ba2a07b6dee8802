-- Photos of an appeal, cleaned before they are kept (re-encoded JPEG, no metadata), in the database so every
-- application node can read them.
create table appeal.photo (
    appeal_id  uuid        not null references appeal.appeal (id),
    position   int         not null,
    width      int         not null,
    height     int         not null,
    bytes      bytea       not null,
    created_at timestamptz not null,
    primary key (appeal_id, position),
    check (position between 0 and 2)
);
