-- teller.account_answer: an account as set_account_status answers it, with whether the
-- change asked for is done ('completed') or waits for a second person ('pending_approval').
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.account_answer(p teller.accounts, p_change text)
RETURNS teller.account_status_answer
LANGUAGE sql IMMUTABLE
RETURN ROW(p.id, p.number, p.holder, p.currency, p.balance, p.held, p.balance_floor, p.status, p.opened_at,
           p_change)::teller.account_status_answer;

REVOKE ALL ON FUNCTION teller.account_answer(teller.accounts, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
