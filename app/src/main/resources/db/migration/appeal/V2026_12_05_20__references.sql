-- Records elsewhere that grew out of an appeal (a need of the 需求清单 converted from it, 清单诉): the appeal keeps a
-- link to each — kind, the page it lives at and its title — without knowing the module that owns it.
create table appeal.reference (
    appeal_id   uuid         not null,
    kind        varchar(30)  not null,
    target      varchar(200) not null check (target like '/%'),
    label       varchar(200) not null,
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null,
    primary key (appeal_id, kind, target)
);
