-- 007 prefix search that stays fast on a large bank. Measured (tests/bench/scale.sh): with
-- 1,000,000 accounts, a holder prefix shared by 10% of them took 297 ms, because a
-- text_pattern_ops index finds the matches but cannot return them in order, so every match
-- was sorted to keep 50. A btree in the "C" collation does both: LIKE 'prefix%' becomes a
-- range, and ORDER BY … COLLATE "C" LIMIT 50 stops after 50 rows.

DROP INDEX teller.accounts_holder_prefix;
DROP INDEX teller.accounts_number_prefix;
CREATE INDEX accounts_holder_search ON teller.accounts ((lower(holder) COLLATE "C"));
CREATE INDEX accounts_number_search ON teller.accounts ((number COLLATE "C"));
