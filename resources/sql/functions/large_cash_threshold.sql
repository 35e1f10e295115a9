-- teller.large_cash_threshold: from this amount on (minor units of the currency) a cash
-- withdrawal or deposit needs the customer's identification: the bank's rule in
-- teller.cash_rules (perform_action reads the same row with its other lookups). For the window,
-- which asks for the identification before sending.
-- History: defined in 011; in 012 the currency compared as char(3).

CREATE OR REPLACE FUNCTION teller.large_cash_threshold(p_currency text)
RETURNS bigint
LANGUAGE sql STABLE
RETURN (SELECT r.large_cash_threshold FROM teller.cash_rules r WHERE r.currency = p_currency::char(3));

REVOKE ALL ON FUNCTION teller.large_cash_threshold(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.large_cash_threshold(text) TO teller_staff;
