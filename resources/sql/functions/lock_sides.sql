-- teller.lock_sides: locks an operation's two accounts in the order every money function uses
-- (customer and branch accounts by ascending id, a till last), so that no two of them ever wait
-- for each other in a circle; the caller then locks the operation row itself. Returns the rows.
-- History: defined in 011.

CREATE OR REPLACE FUNCTION teller.lock_sides(p_debit bigint, p_credit bigint)
RETURNS SETOF teller.accounts
LANGUAGE sql VOLATILE
AS $$
    SELECT * FROM teller.accounts WHERE id IN (p_debit, p_credit) ORDER BY kind = 'till', id FOR UPDATE
$$;

REVOKE ALL ON FUNCTION teller.lock_sides(bigint, bigint)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
