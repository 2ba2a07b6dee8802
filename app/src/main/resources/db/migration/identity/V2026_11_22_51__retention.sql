-- Retention: an erased resident keeps a de-identified row (id and dates) and loses the number and its hash.
alter table identity.resident alter column phone_cipher drop not null;
alter table identity.resident alter column phone_hash drop not null;
alter table identity.resident add column erased_at timestamptz;
alter table identity.resident add constraint resident_erased_or_known
    check ((erased_at is null) = (phone_cipher is not null and phone_hash is not null));
