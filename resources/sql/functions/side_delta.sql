-- teller.side_delta: what a movement does to one of its accounts' balance, in that account's
-- natural sense: a customer account shows what the bank owes (credits - debits), every other
-- kind the cash or value it holds (debits - credits). So a debit of p_amount changes a
-- customer's balance by -p_amount and a till's by +p_amount, a credit the other way round. A
-- negative delta takes from the account: that is where a pending movement holds its amount.
-- History: defined in 011.

CREATE OR REPLACE FUNCTION teller.side_delta(p_account_kind text, p_is_debit boolean, p_amount bigint)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN (p_account_kind = 'customer') = p_is_debit THEN -p_amount ELSE p_amount END;

REVOKE ALL ON FUNCTION teller.side_delta(text, boolean, bigint)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
