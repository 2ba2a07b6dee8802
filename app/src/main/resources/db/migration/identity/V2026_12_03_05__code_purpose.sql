-- A one-time code is good for the one thing it was sent for: signing in, or proving the number of an appeal's
-- reporter before they rate its answer (回访). The limits per number and per address count all purposes together.
alter table identity.one_time_code add column purpose varchar(16) not null default 'SIGN_IN';
create index one_time_code_purpose on identity.one_time_code (phone_hash, purpose, requested_at);
