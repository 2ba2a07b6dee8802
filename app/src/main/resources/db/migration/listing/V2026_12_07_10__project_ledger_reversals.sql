-- 冲正 (reversal): a payment or expense recorded wrongly is never edited or deleted. A correcting entry of the opposite
-- amount cancels it, with its reason, and each entry can be cancelled once; a correcting entry cannot itself be
-- cancelled (the wrong one is recorded again instead).
alter table listing.project_payment add column reverses uuid references listing.project_payment (id);
alter table listing.project_payment drop constraint project_payment_amount_fen_check;
alter table listing.project_payment add constraint project_payment_amount_fen_check check (
    (reverses is null and amount_fen between 1 and 1000000000000)
    or (reverses is not null and amount_fen between -1000000000000 and -1));
create unique index project_payment_reversed_once on listing.project_payment (reverses) where reverses is not null;
create index project_payment_project on listing.project_payment (project_id, recorded_at);

alter table listing.project_expense add column reverses uuid references listing.project_expense (id);
alter table listing.project_expense drop constraint project_expense_amount_fen_check;
alter table listing.project_expense add constraint project_expense_amount_fen_check check (
    (reverses is null and amount_fen between 1 and 1000000000000)
    or (reverses is not null and amount_fen between -1000000000000 and -1));
create unique index project_expense_reversed_once on listing.project_expense (reverses) where reverses is not null;
create index project_expense_project on listing.project_expense (project_id, recorded_at);
