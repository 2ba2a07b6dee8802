-- The 街巷 an appeal concerns: the one nearest its map point, or the one the operator confirmed from the address.
alter table appeal.appeal add column street_code varchar(32);
