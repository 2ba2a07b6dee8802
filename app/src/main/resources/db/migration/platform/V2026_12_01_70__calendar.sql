-- The work calendar's years as an administrator entered them from the State Council's notice: public holidays (days
-- off) and 调休 make-up days (working Saturdays and Sundays). A year not here falls back to the years published with
-- the platform (2025, 2026), and beyond those to weekends only.
create table platform.calendar_year (
    year       int          primary key check (year between 2000 and 2100),
    holidays   date[]       not null,
    workdays   date[]       not null,
    source     varchar(200),
    entered_by varchar(100) not null,
    entered_at timestamptz  not null,
    version    bigint       not null
);
