-- teller.expire_locked: releases the hold of one pending operation whose time is up and
-- announces it. The caller holds the lock on the operation's account and on the operation
-- (perform_action, expire_holds, decide_operation).
-- History: defined in 004.

CREATE OR REPLACE FUNCTION teller.expire_locked(p_op teller.operations) RETURNS teller.operations
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.operations;
BEGIN
    UPDATE teller.accounts SET held = held - p_op.amount, updated_at = now() WHERE id = p_op.account_id;
    UPDATE teller.operations SET status = 'expired', decided_at = now()
     WHERE id = p_op.id RETURNING * INTO v;
    PERFORM teller.notify_operation(v);
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.expire_locked(teller.operations)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
