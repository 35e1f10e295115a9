-- teller.move_locked: applies an operation's movement to its two accounts, whose rows the
-- caller has locked (customer and branch accounts by ascending id, a till last):
--   'post'      the money moves (a movement that needed no approval);
--   'hold'      nothing moves yet: the amount is held on every side it would take from;
--   'post_held' a held movement moves (approved): balances change, the holds are released;
--   'release'   a held movement does not happen (rejected, expired): the holds are released.
-- Each side changes in its natural sense (teller.side_delta). Returns the account rows after.
-- History: defined in 011.

CREATE OR REPLACE FUNCTION teller.move_locked(p_op teller.operations, p_how text)
RETURNS SETOF teller.accounts
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_how NOT IN ('post', 'hold', 'post_held', 'release') OR p_op.amount IS NULL
       OR p_op.debit_account_id IS NULL OR p_op.credit_account_id IS NULL THEN
        RAISE EXCEPTION 'nothing to move for operation %', p_op.key USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    UPDATE teller.accounts a
       SET balance = a.balance
                     + CASE WHEN p_how IN ('post', 'post_held')
                            THEN teller.side_delta(a.kind, a.id = p_op.debit_account_id, p_op.amount) ELSE 0 END,
           held = a.held
                  + CASE WHEN teller.side_delta(a.kind, a.id = p_op.debit_account_id, p_op.amount) >= 0 THEN 0
                         WHEN p_how = 'hold' THEN p_op.amount
                         WHEN p_how IN ('post_held', 'release') THEN -p_op.amount
                         ELSE 0 END,
           updated_at = now()
     WHERE a.id IN (p_op.debit_account_id, p_op.credit_account_id)
    RETURNING a.*;
END
$$;

REVOKE ALL ON FUNCTION teller.move_locked(teller.operations, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
